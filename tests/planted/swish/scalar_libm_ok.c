// Planted (swish): a correct scalar version with libm's expf; must be ok.
#include <math.h>

void eok_swish_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = x[i];
    y[i] = isinf(v) ? (v > 0 ? v : -0.0f) : v / (1.0f + expf(-v));
  }
}
