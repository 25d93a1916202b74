// Planted (mish): a correct scalar version with libm's expf/log1pf/tanhf; must be ok.
#include <math.h>

void eok_mish_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = x[i];
    if (isinf(v)) {
      y[i] = v > 0 ? v : -0.0f;
    } else {
      y[i] = v * tanhf(fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v))));
    }
  }
}
