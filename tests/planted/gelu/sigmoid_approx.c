// Planted (gelu): x * sigmoid(1.702 x), the cheaper "quick GELU" some models use; neither
// of NCNN's forms (off by up to 2e-2).
#include <math.h>

void eok_gelu_f32(const float* x, float* y, long n, long fast_gelu)
{
  (void)fast_gelu;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] / (1.0f + expf(-1.702f * x[i]));
  }
}
