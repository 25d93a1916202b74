// Planted: tries to read a file (e.g. the expected outputs).
#include <stdio.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  FILE* f = fopen("../ker0/ker0.out", "rb");
  if (f) {
    fclose(f);
  }
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
