/* Scalar golden for kernels/nn/binaryop (NCNN BinaryOp), in double; test-only. */
#include <math.h>

/* One op on two fp32 values: the double result rounded once to fp32 is the correctly
 * rounded fp32 operation for + - * / (double holds more than 2*24+2 bits). MAX/MIN are
 * IEEE maximumNumber/minimumNumber as RVV vfmax/vfmin: a NaN loses to a number, -0 < +0. */
static double one(double x, double z, long op)
{
  switch (op) {
  case 0: return (float)(x + z);
  case 1: return (float)(x - z);
  case 2: return (float)(x * z);
  case 3: return (float)(x / z);
  case 7: return (float)(z - x);
  case 8: return (float)(z / x);
  case 4:
  case 5:
    if (isnan(x) || isnan(z)) {
      return isnan(x) ? z : x;
    }
    if (x == z) { /* equal: only the signs of zeros can differ */
      return (op == 4) == (signbit(x) != 0) ? z : x;
    }
    return (op == 4) == (x > z) ? x : z;
  default: return NAN; /* not an op of this task */
  }
}

void golden_binaryop(const float* a, const float* b, double* y, long c, long hw, long pack,
                     long form, long op)
{
  long size = hw * pack;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long k = q * size + i, l = i % pack;
      double x = form == 3 ? a[q * pack + l] : a[k];
      double z = form == 0 || form == 3 ? b[k] : form == 1 ? b[0] : b[q * pack + l];
      y[k] = one(x, z, op);
    }
  }
}
