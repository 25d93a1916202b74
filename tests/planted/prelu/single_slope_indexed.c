// Planted (prelu): reads slope[q] for every channel, also in the single-slope form where
// the slope array holds one value: reads past its end.
void eok_prelu_f32(const float* x, const float* slope, float* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  (void)num_slope;
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    float s = slope[q]; // BUG: num_slope == 1 has only slope[0]
    for (long i = 0; i < size; ++i) {
      float v = x[base + i * step];
      y[base + i * step] = v < 0.0f ? v * s : v;
    }
  }
}
