/* Scalar golden for kernels/nn/celu; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_celu(double x, double alpha)
{
  return x < 0.0 ? alpha * expm1(x / alpha) : x; /* NaN and +-0 take the x branch */
}
