// Planted (unaryop): SIN from its Taylor polynomial around 0 (to x^9) with no range
// reduction: fine for |x| < pi/4, wrong by far at the spec's |x| up to 8.
#include <math.h>

// x rounded by r (already an integer), through int32 as vfcvt does: saturating, NaN -> 2^31.
static float via_i32(float r, float x)
{
  if (x != x || r >= 2147483648.f) {
    return 2147483648.f;
  }
  return r < -2147483648.f ? -2147483648.f : (float)(int)r;
}

// The transcendental op types with the layer's conventions, in scalar libm: exp's input is
// clamped to +-88.3762626647949 (NaN to the upper bound) and its result is 0 where the
// layer's 2^k scale underflows; log of x <= 0 or NaN is NaN and of +Inf 128 ln2; sin, cos,
// tan of Inf/NaN are NaN, of +-FLT_MAX -+Inf / NaN / NaN, of -0 +0.
static float exp_input(float x)
{
  const float hi = 88.3762626647949f;
  return x != x ? hi : fminf(fmaxf(x, -hi), hi);
}
static float exp_layer(float x)
{
  float c = exp_input(x);
  return floorf(fmaf(c, 1.44269504088896341f, 0.5f)) <= -127 ? 0.f : expf(c);
}
static float log_layer(float x)
{
  return x != x || x <= 0 ? NAN : isinf(x) ? 88.7228391f : logf(x);
}
static float trig(float x, long op)
{
  if (isinf(x) || x != x) {
    return NAN;
  }
  if (fabsf(x) == 0x1.fffffep127f) {
    return op == 9 ? (x > 0 ? -INFINITY : INFINITY) : NAN;
  }
  if (x == 0) {
    return op == 10 ? 1.f : 0.f;
  }
  return op == 9 ? sinf(x) : op == 10 ? cosf(x) : tanf(x);
}
static float transcendental(float x, long op)
{
  switch (op) {
  case 7: return exp_layer(x);
  case 8: return log_layer(x);
  case 9:
    if (isinf(x) || x != x || fabsf(x) == 0x1.fffffep127f || x == 0) {
      return trig(x, op);
    } else {
      float z = x * x;
      return x * (1 - z / 6 * (1 - z / 20 * (1 - z / 42 * (1 - z / 72))));
    }
  case 10:
  case 11: return trig(x, op);
  case 12: return asinf(x);
  case 13: return acosf(x);
  case 14: return atanf(x);
  case 16: return tanhf(x);
  case 17: return x != x || x <= 0 ? NAN : isinf(x) ? 38.5318394f : log10f(x);
  case 21: return x == 0 ? 0.f : expm1f(exp_input(x));
  case 22: return x != x || x == 0 ? 0.f : sinhf(exp_input(x));
  case 23: return isinf(x) ? copysignf(89.4159862f, x) : asinhf(x);
  case 24: return x != x ? INFINITY : coshf(exp_input(x));
  case 25: return isinf(x) && x > 0 ? 89.4159862f : x < 1 ? NAN : acoshf(x);
  case 26: return fabsf(x) < 1 ? atanhf(x) : NAN;
  case 27: return x != x || x <= -1 ? NAN : isinf(x) ? 88.7228391f : log1pf(x);
  default: return 0.f;
  }
}

static float one(float x, long op)
{
  switch (op) {
  case 0: return fabsf(x);
  case 1: return -x;
  case 2: return via_i32(floorf(x), x);
  case 3: return via_i32(ceilf(x), x);
  case 4: return x * x;
  case 5: return sqrtf(x);
  case 6:
    if (x != x || x <= 0 || isinf(x)) {
      return NAN;
    }
    return x < 0x1p-128f ? -INFINITY : 1.f / sqrtf(x);
  case 15:
    if (x == 0 || isinf(x) || x != x) {
      return NAN;
    }
    return fabsf(x) < 0x1p-128f ? (x > 0 ? -INFINITY : INFINITY) : 1.f / x;
  case 18: return via_i32(rintf(x), x);
  case 19: return via_i32(truncf(x), x);
  case 20: return x > 0 ? 1.f : x < 0 ? -1.f : 0.f;
  default: return transcendental(x, op);
  }
}

void eok_unaryop_f32(const float* x, float* y, long n, long op)
{
  for (long i = 0; i < n; ++i) {
    y[i] = one(x[i], op);
  }
}
