// Planted (gelu): the tanh approximation whatever fast_gelu says; off from the exact erfc
// form by up to 4.7e-4 near |x| = 2.
#include <math.h>

void eok_gelu_f32(const float* x, float* y, long n, long fast_gelu)
{
  (void)fast_gelu;
  for (long i = 0; i < n; ++i) {
    float v = x[i];
    y[i] = 0.5f * v * (1.0f + tanhf(0.79788452f * (v + 0.044715f * v * v * v)));
  }
}
