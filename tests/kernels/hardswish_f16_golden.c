/* Golden for kernels/nn/hardswish_f16: the fp32 task's rule with alpha and beta rounded
 * to fp16, as the fp16 layer uses them; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_hardswish_f16(double x, float alpha, float beta)
{
  double a = (double)(_Float16)alpha, b = (double)(_Float16)beta;
  double lower = (double)(_Float16)(-beta / alpha), upper = (double)(_Float16)((1.0f - beta) / alpha);
  if (isnan(x)) {
    return x;
  }
  return x < lower ? 0.0 : x > upper ? x : x * (x * a + b);
}
