// Planted (batchnorm): NCNN names the shift a_data and the scale b_data; reading them the
// other way round gives y = a*x + b.
void eok_batchnorm_f32(const float* x, const float* a, const float* b, float* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    for (long i = 0; i < size; ++i) {
      y[base + i * step] = a[q] * x[base + i * step] + b[q]; // BUG: scale and shift swapped
    }
  }
}
