// Planted (instancenorm_f16): NCNN's fp16-arithmetic statistics (forward_inplace_fp16sa):
// the sum and the sum of squares accumulate in fp16. Past 2048 the sum's ulp is 2, so a
// 64x64 plane of values near 12 loses most of its additions; must be wrong_output.
#include <math.h>

void eok_instancenorm_f16(const _Float16* x, const float* gamma, const float* beta,
                          _Float16* y, long c, long h, long w, long elempack, float eps)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 16 ? (q / 16) * size * 16 + q % 16 : q * size;
    long step = elempack == 16 ? 16 : 1;
    _Float16 sum = 0, sq = 0;
    for (long i = 0; i < size; ++i) {
      sum += x[base + i * step];
    }
    _Float16 mean = sum / (_Float16)size;
    for (long i = 0; i < size; ++i) {
      _Float16 d = x[base + i * step] - mean;
      sq += d * d;
    }
    float a = gamma[q] / sqrtf((float)(sq / (_Float16)size) + eps);
    for (long i = 0; i < size; ++i) {
      y[base + i * step] = (_Float16)(((float)x[base + i * step] - (float)mean) * a + beta[q]);
    }
  }
}
