/* Scalar golden for kernels/nn/unaryop_f16: the fp32 task's golden (tests/kernels/
 * unaryop_golden.c) for the ops the fp16 task widens to fp32, and NCNN's fp16 semantics for
 * the ops it computes in fp16: rounding through int16, RSQRT and RECIPROCAL whose Newton step
 * overflows fp16. Test-only; the test rounds to fp16 and counts fp16 ulps. */
#include "unaryop_golden.c"

double golden_unaryop_f16(double x, long op)
{
  switch (op) {
  case 2: return via_int(x, floor(x), 16);
  case 3: return via_int(x, ceil(x), 16);
  case 4: return x * x;
  case 5: return sqrt(x);
  case 6: /* (x/2) * r*r overflows below 2^-16: -Inf; at 2^-24, x/2 rounds to 0: 0 * Inf */
    if (isnan(x) || x <= 0 || isinf(x) || x == 0x1p-24) {
      return NAN;
    }
    return x < 0x1p-16 ? -INFINITY : 1 / sqrt(x);
  case 15: /* the estimate overflows below |x| = 2^-16 and the step flips its sign */
    if (isnan(x) || x == 0 || isinf(x)) {
      return NAN;
    }
    return fabs(x) < 0x1p-16 ? -copysign(INFINITY, x) : 1 / x;
  case 18: return via_int(x, nearbyint(x), 16);
  case 19: return via_int(x, trunc(x), 16);
  default: return golden_unaryop(x, op);
  }
}
