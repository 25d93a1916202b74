/* Scalar golden for kernels/nn/bnll; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_bnll(double x)
{
  if (isnan(x)) {
    return x;
  }
  return fmax(x, 0.0) + log1p(exp(-fabs(x)));
}
