/* Scalar golden for kernels/nn/hardswish (NCNN's HardSwish semantics); test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_hardswish(double x, float alpha, float beta)
{
  float lower = -beta / alpha; /* the layer's bounds, computed in fp32 as NCNN does */
  float upper = (1.0f - beta) / alpha;
  if (isnan(x)) {
    return x;
  }
  if (x < lower) {
    return 0.0;
  }
  if (x > upper) {
    return x;
  }
  return x * (x * alpha + beta);
}
