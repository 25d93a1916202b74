/* Scalar golden for kernels/nn/binaryop (NCNN BinaryOp), in double; test-only. */
#include <math.h>

/* One op on two fp32 (or fp16) values in double: rounded once to fp32 (golden_binaryop) it is
 * the correctly rounded fp32 operation for + - * / (double holds more than 2*24+2 bits), and
 * the same holds for fp16 (golden_binaryop_exact, rounded by the fp16 test). MAX/MIN are
 * IEEE maximumNumber/minimumNumber as RVV vfmax/vfmin: a NaN loses to a number, -0 < +0.
 * POW and ATAN2 are C's pow and atan2 (NCNN's naive layer calls powf and atan2f) in double,
 * rounded to the element type so results beyond its range are Inf or 0 as it gives them; C99
 * Annex F fixes their special cases (pow(x, +-0) = pow(1, y) = pow(-1, +-Inf) = 1, a finite
 * negative base with a non-integer exponent is NaN, atan2's signed zeros and infinities).
 * FMOD and REMAINDER are exact in any precision; FLOOR_DIVIDE floors the fp32 quotient (the
 * naive layer's floorf(x / y)), so a quotient that rounds up to an integer floors to it. */
static double one(double x, double z, long op)
{
  switch (op) {
  case 0: return x + z;
  case 1: return x - z;
  case 2: return x * z;
  case 3: return x / z;
  case 7: return z - x;
  case 8: return z / x;
  case 6: return pow(x, z);
  case 9: return pow(z, x);
  case 10: return atan2(x, z);
  case 11: return atan2(z, x);
  case 12: return fmod(x, z); /* exact, so the same as fmodf */
  case 13: return fmod(z, x);
  case 15: return floor((float)(x / z)); /* floorf of the fp32 quotient, as NCNN's naive layer */
  case 16: return floor((float)(z / x));
  case 17: return remainder(x, z); /* exact, so the same as remainderf */
  case 18: return remainder(z, x);
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

/* y[k] = a op b with the broadcast of the form, in double (not rounded). */
void golden_binaryop_exact(const float* a, const float* b, double* y, long c, long hw,
                           long pack, long form, long op)
{
  long size = hw * pack;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long k = q * size + i, l = i % pack;
      double x = form == 3 ? a[q * pack + l] : form == 5 ? a[i / pack] : a[k];
      double z = form == 0 || form == 3 || form == 5 ? b[k] : form == 1 ? b[0]
               : form == 4 ? b[i / pack] : b[q * pack + l];
      y[k] = one(x, z, op);
    }
  }
}

/* The fp32 result: each value rounded to fp32. */
void golden_binaryop(const float* a, const float* b, double* y, long c, long hw, long pack,
                     long form, long op)
{
  golden_binaryop_exact(a, b, y, c, hw, pack, form, op);
  for (long k = 0; k < c * hw * pack; ++k) {
    y[k] = (float)y[k];
  }
}
