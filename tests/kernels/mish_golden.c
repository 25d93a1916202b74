/* Scalar golden for kernels/nn/mish, in double precision; test-only. */
#include <math.h>

#include "golden.h"

double golden_mish(double x)
{
  if (isnan(x)) {
    return x;
  }
  if (isinf(x)) {
    return x > 0 ? x : -0.0; /* the limits */
  }
  /* softplus without overflow: max(x, 0) + log1p(exp(-|x|)) */
  double sp = fmax(x, 0.0) + log1p(exp(-fabs(x)));
  return x * tanh(sp);
}
