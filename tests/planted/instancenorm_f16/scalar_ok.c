// Planted (instancenorm_f16): correct, scalar two-pass statistics in fp32 per channel, both
// layouts, one rounding to fp16 per output.
#include <math.h>

void eok_instancenorm_f16(const _Float16* x, const float* gamma, const float* beta,
                          _Float16* y, long c, long h, long w, long elempack, float eps)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 16 ? (q / 16) * size * 16 + q % 16 : q * size;
    long step = elempack == 16 ? 16 : 1;
    float sum = 0.0f, sq = 0.0f;
    for (long i = 0; i < size; ++i) {
      sum += (float)x[base + i * step];
    }
    float mean = sum / (float)size;
    for (long i = 0; i < size; ++i) {
      float d = (float)x[base + i * step] - mean;
      sq += d * d;
    }
    float a = gamma[q] / sqrtf(sq / (float)size + eps);
    for (long i = 0; i < size; ++i) {
      y[base + i * step] = (_Float16)(((float)x[base + i * step] - mean) * a + beta[q]);
    }
  }
}
