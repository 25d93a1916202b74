// Planted (binaryop): FLOOR_DIVIDE and RFLOOR_DIVIDE rounding the quotient toward zero (a
// C integer division habit) instead of down: -0.5 gives 0, not -1.
#include <math.h>

static float one(float x, float z, long op)
{
  switch (op) {
  case 0: return x + z;
  case 1: return x - z;
  case 2: return x * z;
  case 3: return x / z;
  case 4: return fmaxf(x, z);
  case 5: return fminf(x, z);
  case 7: return z - x;
  case 8: return z / x;
  case 6: return powf(x, z);
  case 9: return powf(z, x);
  case 10: return atan2f(x, z);
  case 11: return atan2f(z, x);
  case 12: return fmodf(x, z);
  case 13: return fmodf(z, x);
  case 15: return truncf(x / z);
  case 16: return truncf(z / x);
  case 17: return remainderf(x, z);
  case 18: return remainderf(z, x);
  default: return 0.f;
  }
}

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long hw, long pack,
                      long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  long size = hw * pack;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long k = q * size + i, l = i % pack;
      float x = form == 3 ? a[q * pack + l] : form == 5 ? a[i / pack] : a[k];
      float z = form == 0 || form == 3 || form == 5 ? b[k] : form == 1 ? b[0]
          : form == 4 ? b[i / pack] : b[q * pack + l];
      y[k] = one(x, z, op);
    }
  }
}
