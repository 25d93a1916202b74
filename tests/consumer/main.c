// Checks both kernels' results and prints which knob values were compiled in.
#include <math.h>
#include <stdio.h>

void eok_scale_f32(const float* x, float* y, long n, float a);
int eok_scale_unroll(void);
void eok_addc_f32(const float* x, float* y, long n, float c);
int eok_addc_unroll(void);

int main(void)
{
  enum { n = 1001 };
  static float x[n], y[n], z[n];
  for (int i = 0; i < n; ++i) {
    x[i] = (float)(i % 17) - 8.0f;
  }
  eok_scale_f32(x, y, n, 2.5f);
  eok_addc_f32(x, z, n, -1.0f);
  for (int i = 0; i < n; ++i) {
    if (fabsf(y[i] - 2.5f * x[i]) > 0 || fabsf(z[i] - (x[i] - 1.0f)) > 0) {
      printf("wrong result at %d\n", i);
      return 1;
    }
  }
  printf("scale unroll=%d addc unroll=%d\n", eok_scale_unroll(), eok_addc_unroll());
  return 0;
}
