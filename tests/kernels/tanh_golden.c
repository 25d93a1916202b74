/* Scalar golden for kernels/nn/tanh; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_tanh(double x)
{
  return tanh(x);
}
