/* Scalar golden for kernels/nn/relu (NCNN ReLU with slope, its spec); test-only. */
#include <math.h>

#include "golden.h"

double golden_relu(double x, double slope)
{
  if (slope == 0.0) {
    return isnan(x) || x <= 0.0 ? 0.0 : x; /* vfmax: NaN -> 0, -0 -> +0 */
  }
  /* One fp32 multiply, rounded as the kernel rounds it; NaN and -0 pass unchanged. */
  return x < 0.0 ? (double)((float)x * (float)slope) : x;
}
