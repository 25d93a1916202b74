/* Scalar golden for kernels/nn/absval; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_absval(double x)
{
  return fabs(x);
}
