/* Scalar golden for kernels/nn/sigmoid, in double precision; test-only. */
#include <math.h>

#include "golden.h"

double golden_sigmoid(double x)
{
  if (isnan(x)) {
    return x;
  }
  return 1.0 / (1.0 + exp(-x)); /* exp(+inf) = inf gives 0, exp(-inf) = 0 gives 1 */
}
