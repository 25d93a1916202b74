// Planted (bias_f16): the bias broadcast along the wrong axis, indexed by the row of the
// plane (h) instead of the channel: right only while h = 1 or c = 1 selects bias[0]; must be
// wrong_output at the first shape with both c and h above 1.
void eok_bias_f16(const _Float16* x, const float* bias, _Float16* y, long c, long h, long w)
{
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      _Float16 b = (_Float16)bias[(q * h + r) % c];
      for (long i = 0; i < w; ++i) {
        long j = (q * h + r) * w + i;
        y[j] = x[j] + b;
      }
    }
  }
}
