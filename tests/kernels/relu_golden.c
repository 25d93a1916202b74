/* Scalar golden for kernels/nn/relu (its spec: NaN gives 0, -0 gives +0); test-only. */
#include <math.h>

#include "golden.h"

double golden_relu(double x)
{
  return isnan(x) || x <= 0.0 ? 0.0 : x;
}
