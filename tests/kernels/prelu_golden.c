/* Scalar golden for kernels/nn/prelu; test-only. */
#include "golden_channel.h"

void golden_prelu(const float* x, const float* slope, double* y, long c, long h, long w,
                  long elempack, long num_slope)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    float s = slope[num_slope > 1 ? q : 0];
    for (long i = 0; i < size; ++i) {
      float v = x[base + i * step];
      y[base + i * step] = v < 0.0f ? (double)(v * s) : (double)v; /* NaN, -0 unchanged */
    }
  }
}
