/* Scalar golden for kernels/nn/unaryop and unaryop_f16 (NCNN UnaryOp as its RVV layer
 * computes it), in double; test-only. Zeros carry the sign the layer gives them; special
 * values (NaN, Inf, out-of-domain inputs, exp's clamp) follow the layer's conventions, stated
 * in kernels/nn/unaryop/kernel.toml. */
#include <float.h>
#include <math.h>

/* x rounded to an integer by `rounded`, through an integer of `bits` bits as vfcvt.x.f does
 * (saturating, NaN -> the largest integer), then back to float (for int32, 2^31 - 1 becomes
 * 2^31). */
static double via_int(double x, double rounded, int bits)
{
  double top = ldexp(1.0, bits - 1);
  double i = isnan(x) ? top - 1 : fmin(fmax(rounded, -top), top - 1);
  return (bits == 32 ? (double)(float)i : i) + 0.0; /* +0.0: an integer zero converts to +0 */
}

static const double ln2 = 0.693147180559945309417;

/* exp's input as NCNN's exp_ps sees it: clamped to +-88.3762626647949 (fp32 88.37626),
 * NaN to the upper bound (vfmin returns the non-NaN operand). */
static double exp_input(double x)
{
  const float hi = 88.3762626647949f;
  return isnan(x) ? hi : fmin(fmax(x, -hi), hi);
}

/* exp as the layer: of the clamped input, so never above exp(88.37626) = 2.406e38; k =
 * floor(x log2(e) + 1/2) = -127 (x below -87.68) makes the 2^k scale 0. */
static double exp_layer(double x)
{
  double c = exp_input(x);
  return floorf(fmaf((float)c, 1.44269504088896341f, 0.5f)) <= -127 ? 0.0 : exp(c);
}

/* log as the layer: NaN and x <= 0 give NaN, +Inf reads as 2^128. */
static double log_layer(double x)
{
  if (isnan(x) || x <= 0) {
    return NAN;
  }
  return isinf(x) ? 128 * ln2 : log(x);
}

/* Whether the golden value is meaningful: sin, cos and tan reduce by pi/4 in three fp32
 * parts, accurate for |x| <= 8192 (Cephes's range); beyond, up to fp32's largest values,
 * the layer's output is its algorithm's, not a trigonometric value, and is not checked
 * (Inf, NaN and +-FLT_MAX are). */
int golden_unaryop_checked(double x, long op)
{
  if (op != 9 && op != 10 && op != 11) {
    return 1;
  }
  return !isfinite(x) || fabs(x) <= 8192 || fabs(x) == FLT_MAX;
}

/* The layer's function for op types 7..14, 16, 17, 21..27 (shared by the fp16 golden). */
static double transcendental(double x, long op)
{
  switch (op) {
  case 7: return exp_layer(x);
  case 8: return log_layer(x);
  case 9: /* |x| 4/pi overflowing fp32 leaves x unreduced: +-max -> -+Inf, Inf/NaN -> NaN */
    if (!isfinite(x)) {
      return NAN;
    }
    if (fabs(x) == FLT_MAX) {
      return x > 0 ? -INFINITY : INFINITY;
    }
    return x == 0 ? 0.0 : sin(x); /* sin(-0) = +0: the sign is taken from x < 0 */
  case 10: return !isfinite(x) || fabs(x) == FLT_MAX ? NAN : cos(x);
  case 11: return !isfinite(x) || fabs(x) == FLT_MAX ? NAN : x == 0 ? 0.0 : tan(x);
  case 12: return asin(x);
  case 13: return acos(x);
  case 14: return atan(x);
  case 16: return tanh(x);
  case 17: return log_layer(x) * 0.434294481903;
  case 21: /* exp(x) - 1 of exp's clamped input: NaN -> 2.406e38; -0 -> +0 (the cubic's
             * -0 + 0) */
    return x == 0 ? 0.0 : expm1(exp_input(x));
  case 22: /* (expm1(x) - expm1(-x)) / 2: NaN -> (2.406e38 - 2.406e38) / 2 = 0, -0 -> +0 */
    return isnan(x) || x == 0 ? 0.0 : sinh(exp_input(x));
  case 23: /* +-Inf: log(Inf) + ln2 = 129 ln2 */
    return isinf(x) ? copysign(129 * ln2, x) : asinh(x);
  case 24: /* (exp(x) + exp(-x)) / 2: NaN -> 2 * 2.406e38 overflows: +Inf */
    return isnan(x) ? INFINITY : cosh(exp_input(x));
  case 25: return isinf(x) && x > 0 ? 129 * ln2 : x < 1 ? NAN : acosh(x);
  case 26: return fabs(x) < 1 ? atanh(x) : NAN; /* +-1: log(0) is NaN */
  case 27: /* log(1 + x): -1 -> NaN, +Inf -> 128 ln2 */
    if (isnan(x) || x <= -1) {
      return NAN;
    }
    return isinf(x) ? 128 * ln2 : log1p(x);
  default: return NAN;
  }
}

double golden_unaryop(double x, long op)
{
  switch (op) {
  case 0: return fabs(x);
  case 1: return -x;
  case 2: return via_int(x, floor(x), 32);
  case 3: return via_int(x, ceil(x), 32);
  case 4: return (float)(x * x);
  case 5: return (float)sqrt(x); /* sqrt(-0) = -0, negative -> NaN */
  case 6: /* estimate r, then r * (1.5 - x/2 * r*r): 0 * Inf in the step for +-0 and +Inf */
    if (x == 0 || isinf(x) || x < 0 || isnan(x)) {
      return NAN;
    }
    if (x < 0x1p-128) { /* r*r overflows: 1.5 - Inf = -Inf, times r */
      return -INFINITY;
    }
    return (float)(1 / sqrt(x));
  case 15:
    if (x == 0 || isinf(x) || isnan(x)) {
      return NAN;
    }
    if (fabs(x) < 0x1p-128) { /* vfrec7 overflows to sign(x)*Inf; (2 - x*r)*r = -sign*Inf */
      return x > 0 ? -INFINITY : INFINITY;
    }
    return (float)(1 / x);
  case 18: return via_int(x, nearbyint(x), 32); /* default rounding: ties to even */
  case 19: return via_int(x, trunc(x), 32);
  case 20: return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
  default: return transcendental(x, op);
  }
}
