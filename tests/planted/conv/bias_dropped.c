// Planted (conv): forgets the bias.
void eok_conv_f32(const float* x, const float* wt, const float* bias, float* y, long c, long h, long w, long oc, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long o = 0; o < oc; ++o) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        float sum = 0.0f;
        for (long ic = 0; ic < c; ++ic) {
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              sum = (float)(sum + (float)(wt[((o * c + ic) * ks + ky) * ks + kx] * x[(ic * h + i * s + ky * d) * w + j * s + kx * d]));
            }
          }
        }
        y[(o * outh + i) * outw + j] = (float)(sum);
      }
    }
  }
}
