// Planted (instancenorm_f16): in the packed layout, the affine map of the group's first
// channel (gamma[16g], beta[16g]) applied to all 16 lanes; must be wrong_output.
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
    long qa = elempack == 16 ? q - q % 16 : q;
    float a = gamma[qa] / sqrtf(sq / (float)size + eps);
    for (long i = 0; i < size; ++i) {
      y[base + i * step] = (_Float16)(((float)x[base + i * step] - mean) * a + beta[qa]);
    }
  }
}
