// Planted (gelu): correct, scalar libm erfcf / tanhf. Must pass.
#include <math.h>

void eok_gelu_f32(const float* x, float* y, long n, long fast_gelu)
{
  for (long i = 0; i < n; ++i) {
    float v = x[i];
    float f = fast_gelu ? 1.0f + tanhf(0.79788452f * (v + 0.044715f * v * v * v))
                        : erfcf(-0.70710678f * v);
    y[i] = 0.5f * v * f;
  }
}
