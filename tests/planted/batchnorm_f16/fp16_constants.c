// Planted (batchnorm_f16): NCNN's fp16-arithmetic form (forward_inplace_fp16sa), scalar: a
// and b rounded to fp16 and b*x + a in fp16. Where b*x cancels a the constants' rounding
// (~2^-12 of each) is thousands of fp16 ulps of y: must be wrong_output.
void eok_batchnorm_f16(const _Float16* x, const float* a, const float* b, _Float16* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = elempack == 16 ? (j / (16 * size)) * 16 + j % 16 : j / size;
    y[j] = (_Float16)b[q] * x[j] + (_Float16)a[q];
  }
}
