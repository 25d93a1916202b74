// Planted (instancenorm): with elempack 8 each group of 8 channels uses the first
// channel's gamma and beta (a per-group instead of per-lane affine).
#include <math.h>

void eok_instancenorm_f32(const float* x, const float* gamma, const float* beta, float* y,
                          long c, long h, long w, long elempack, float eps)
{
  long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    float sum = 0, sq = 0;
    for (long i = 0; i < size; ++i) {
      sum += x[base + i * step];
    }
    float mean = sum / (float)size;
    for (long i = 0; i < size; ++i) {
      float d = x[base + i * step] - mean;
      sq += d * d;
    }
    for (long i = 0; i < size; ++i) {
      long p = elempack == 8 ? q - q % 8 : q;
      y[base + i * step] = (x[base + i * step] - mean) * (gamma[p] / sqrtf(sq / (float)size + eps)) + beta[p];
    }
  }
}
