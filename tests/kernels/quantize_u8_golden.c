/* Scalar golden for kernels/nn/quantize_u8; test-only. */
#include <math.h>

#include "golden.h"

double golden_quantize_u8(float x, float scale, int zero_point)
{
  /* The product of two floats is exact in double; rounding it to float is the spec's
   * one fp32 multiply. nearbyint rounds half to even in the default rounding mode. */
  double v = (double)(float)((double)x * (double)scale);
  double q = nearbyint(v) + zero_point;
  return q < 0 ? 0 : q > 255 ? 255 : q;
}
