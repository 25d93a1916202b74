// Planted (unaryop): ROUND as C's roundf, ties away from zero (ker0 and NCNN round ties to
// even: 2.5 -> 2, -0.5 -> -0).
#include <math.h>

// x rounded by r (already an integer), through int32 as vfcvt does: saturating, NaN -> 2^31.
static float via_i32(float r, float x)
{
  if (x != x || r >= 2147483648.f) {
    return 2147483648.f;
  }
  return r < -2147483648.f ? -2147483648.f : (float)(int)r;
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
  case 18: return via_i32(roundf(x), x);
  case 19: return via_i32(truncf(x), x);
  case 20: return x > 0 ? 1.f : x < 0 ? -1.f : 0.f;
  default: return 0.f;
  }
}

void eok_unaryop_f32(const float* x, float* y, long n, long op)
{
  for (long i = 0; i < n; ++i) {
    y[i] = one(x[i], op);
  }
}
