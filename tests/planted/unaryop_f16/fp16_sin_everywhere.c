// Planted (unaryop_f16): SIN as NCNN's fp16-arithmetic sequence for every input, without
// ker0's fallback to the widened sin where it is inaccurate: the fp16 pi/4 reduction loses
// the result from |x| ~ 16 on (sin(65504) is off by thousands of ulps, Inf and NaN are not
// NaN); the rest as scalar_ok.c.
#include <math.h>

// x rounded by r (already an integer), through int16 as vfcvt does: saturating, NaN -> 32767
// (32768 in fp16).
static float via_i16(float r, float x)
{
  if (x != x || r >= 32767.f) {
    return 32767.f;
  }
  return r < -32768.f ? -32768.f : r + 0.f;
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
// NCNN's fp16 sincos (rvv_mathfun_fp16s.h) for one value, every step rounded to fp16.
static float sin_fp16_everywhere(float in)
{
  typedef _Float16 h;
  h x = (h)in;
  int neg = x < 0;
  x = x < 0 ? -x : x;
  h yq = x * (h)1.27323954473516f;
  unsigned e = yq != yq || yq >= (h)65504.f ? 65535u : (unsigned)rintf((float)yq);
  e = (e + 1) & 0xfffeu;
  h fj = (h)(float)e;
  x = x + fj * (h)-0.78515625f;
  x = x + fj * (h)-2.4187564849853515625e-4f;
  x = x + fj * (h)-3.77489497744594108e-8f;
  neg ^= (e & 4) != 0;
  h z = x * x;
  h c = z * (h)2.443315711809948e-5f;
  c = (c + (h)-1.388731625493765e-3f) * z;
  c = (c + (h)4.166664568298827e-2f) * z;
  c = c * z - z * (h)0.5f + (h)1.f;
  h s = z * (h)-1.9515295891e-4f;
  s = (s + (h)8.3321608736e-3f) * z;
  s = (s + (h)-1.6666654611e-1f) * z;
  s = s * x + x;
  h v = (e & 2) ? c : s;
  return (float)(neg ? -v : v);
}
static float transcendental(float x, long op)
{
  switch (op) {
  case 7: return exp_layer(x);
  case 8: return log_layer(x);
  case 9: return sin_fp16_everywhere(x);
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
  case 2: return via_i16(floorf(x), x);
  case 3: return via_i16(ceilf(x), x);
  case 4: return x * x;
  case 5: return sqrtf(x);
  case 6: // (x/2) * r*r overflows fp16 below 2^-16; x/2 of 2^-24 rounds to 0
    if (x != x || x <= 0 || isinf(x) || x == 0x1p-24f) {
      return NAN;
    }
    return x < 0x1p-16f ? -INFINITY : 1.f / sqrtf(x);
  case 15:
    if (x == 0 || isinf(x) || x != x) {
      return NAN;
    }
    return fabsf(x) < 0x1p-16f ? (x > 0 ? -INFINITY : INFINITY) : 1.f / x;
  case 18: return via_i16(rintf(x), x);
  case 19: return via_i16(truncf(x), x);
  case 20: return x > 0 ? 1.f : x < 0 ? -1.f : 0.f;
  default: return transcendental(x, op);
  }
}

void eok_unaryop_f16(const _Float16* x, _Float16* y, long n, long op)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (_Float16)one((float)x[i], op);
  }
}
