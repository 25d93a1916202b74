// Planted (flatten): flattens pixel-major (all channels of pixel 0, then pixel 1, ...),
// NHWC order instead of NCNN's channel-major c*h*w.
void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack)
{
  long size = h * w;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[i * c + q] = elempack == 8 ? x[((q / 8) * size + i) * 8 + q % 8] : x[q * size + i];
    }
  }
}
