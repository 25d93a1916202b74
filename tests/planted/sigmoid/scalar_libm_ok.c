// Planted (sigmoid): a correct scalar version with libm's expf; must be ok (the tolerance
// admits a different sound implementation).
#include <math.h>

void eok_sigmoid_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = 1.0f / (1.0f + expf(-x[i]));
  }
}
