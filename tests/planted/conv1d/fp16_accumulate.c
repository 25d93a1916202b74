// Planted (conv1d): accumulates in fp16.
void eok_conv1d_f32(const float* x, const float* wt, const float* bias, float* y, long c, long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long p = 0; p < ocg; ++p) {
    for (long l = 0; l < 8; ++l) {
      for (long j = 0; j < outw; ++j) {
        _Float16 sum = (_Float16)bias[p * 8 + l];
        for (long q = 0; q < c; ++q) {
          for (long k = 0; k < ks; ++k) {
            sum = (_Float16)(sum + (_Float16)(wt[((p * c + q) * ks + k) * 8 + l] * x[q * w + j * s + k * d]));
          }
        }
        y[(p * outw + j) * 8 + l] = (float)(sum);
      }
    }
  }
}
