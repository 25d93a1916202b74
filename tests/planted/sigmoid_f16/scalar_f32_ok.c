// Planted (sigmoid_f16): a correct scalar version, each value widened to fp32, expf from
// libm, rounded back to fp16; must be ok.
#include <math.h>

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(1.0f / (1.0f + expf(-v)));
  }
}
