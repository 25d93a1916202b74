// Planted (prelu_f16): NCNN's fp16-arithmetic form (forward_inplace_fp16sa), scalar: the
// slope rounded to fp16, the product in fp16. Two roundings, within 2 ulps: must be ok.
void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = elempack == 16 ? (j / (16 * size)) * 16 + j % 16 : j / size;
    _Float16 s = (_Float16)(num_slope > 1 ? slope[q] : slope[0]);
    y[j] = x[j] < 0 ? x[j] * s : x[j];
  }
}
