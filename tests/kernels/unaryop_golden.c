/* Scalar golden for kernels/nn/unaryop (NCNN UnaryOp as its RVV layer computes it), in
 * double; test-only. Zeros carry the sign the layer gives them. */
#include <math.h>

/* x rounded to an integer by `rounded`, through int32 as vfcvt.x.f does (saturating, NaN
 * -> int32 max), then back to fp32 (int32 max becomes 2^31). */
static double via_int32(double x, double rounded)
{
  double i = isnan(x) ? 2147483647.0 : fmin(fmax(rounded, -2147483648.0), 2147483647.0);
  return (float)i + 0.0; /* +0.0: an integer zero converts to +0 */
}

double golden_unaryop(double x, long op)
{
  switch (op) {
  case 0: return fabs(x);
  case 1: return -x;
  case 2: return via_int32(x, floor(x));
  case 3: return via_int32(x, ceil(x));
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
  case 18: return via_int32(x, nearbyint(x)); /* default rounding: ties to even */
  case 19: return via_int32(x, trunc(x));
  case 20: return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
  default: return NAN;
  }
}
