/* Scalar golden for kernels/blas/saxpy; test-only. */
#include <float.h>
#include <math.h>

#include "golden.h"

double golden_saxpy(double a, double x, double y)
{
  /* a and x are floats: their product is exact in double, so only the sum rounds (at
   * 2^-53 relative), far below the float result's own rounding. Beyond the float range the
   * fp32 result is what rounding to float gives: +-Inf, or FLT_MAX just above it. */
  double r = a * x + y;
  return fabs(r) > FLT_MAX ? (double)(float)r : r;
}
