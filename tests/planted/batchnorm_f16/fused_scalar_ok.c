// Planted (batchnorm_f16): scalar, one fused fp32 multiply-add per value then one rounding
// to fp16 (NCNN's packed form, in both layouts): ok.
#include <math.h>

void eok_batchnorm_f16(const _Float16* x, const float* a, const float* b, _Float16* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = elempack == 16 ? (j / (16 * size)) * 16 + j % 16 : j / size;
    y[j] = (_Float16)fmaf(b[q], (float)x[j], a[q]);
  }
}
