/* Scalar golden for kernels/nn/cast_f32_f16: fp32 -> nearest fp16, ties to even, computed
 * in double from fp16's format (11-bit significand, exponents -14..15, denormal step
 * 2^-24), not with the compiler's conversion; test-only. */
#include <math.h>

double golden_f32_to_f16(double x)
{
  if (isnan(x) || isinf(x) || x == 0) {
    return x;
  }
  if (fabs(x) >= 65520.0) { /* half-way between 65504 and 2^16 and above: Inf */
    return copysign(INFINITY, x);
  }
  int e;
  frexp(fabs(x), &e); /* |x| in [2^(e-1), 2^e) */
  int exp = e - 1 < -14 ? -14 : e - 1;
  double step = ldexp(1.0, exp - 10); /* the spacing of fp16 values at this exponent */
  double r = nearbyint(x / step) * step; /* exact in double; default rounding: ties to even */
  return r == 0 ? copysign(0.0, x) : r;
}
