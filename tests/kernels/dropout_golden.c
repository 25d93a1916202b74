/* Scalar golden for kernels/nn/dropout; test-only. */
#include "golden_eltwise.h"

double golden_dropout(double x, double scale)
{
  return x * scale;
}
