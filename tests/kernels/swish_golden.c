/* Scalar golden for kernels/nn/swish, in double precision; test-only. */
#include <math.h>

#include "golden.h"

double golden_swish(double x)
{
  if (isnan(x)) {
    return x;
  }
  if (isinf(x)) {
    return x > 0 ? x : -0.0; /* the limits; x / (1 + exp(-x)) is -inf/inf at -inf */
  }
  return x / (1.0 + exp(-x));
}
