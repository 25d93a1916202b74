// Planted (conv1d_f16): reads the weights in the fp32 task's blocks of 8 output channels
// (wt[((p8*c + q)*ks + k)*8 + l8]) instead of fp16's blocks of 16: the elempack carried over
// from the fp32 port.
void eok_conv1d_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c,
                    long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long p = 0; p < ocg; ++p) {
    for (long l = 0; l < 16; ++l) {
      for (long j = 0; j < outw; ++j) {
        float sum = 0.f;
        for (long k = 0; k < ks; ++k) {
          for (long q = 0; q < c; ++q) {
            sum += (float)wt[(((2 * p + l / 8) * c + q) * ks + k) * 8 + l % 8] * (float)x[q * w + j * s + k * d];
          }
        }
        y[(p * outw + j) * 16 + l] = (_Float16)(sum + bias[p * 16 + l]);
      }
    }
  }
}
