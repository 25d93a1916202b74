// Planted: allocates a temporary (not on the allow-list).
#include <stdlib.h>
#include <string.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  float* t = (float*)malloc((size_t)(n + 1) * sizeof(float));
  for (long i = 0; i < n; ++i) {
    t[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  memcpy(y, t, (size_t)n * sizeof(float));
  free(t);
}
