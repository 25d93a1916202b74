// Planted (conv_f16): the im2col gather steps taps by 1 instead of the dilation (ky, kx
// instead of ky*d, kx*d): right wherever d = 1, wrong on the DeepLab-style dilated shapes.
void eok_conv_f16(const _Float16* x, const _Float16* wt, const _Float16* bias, _Float16* y, long c,
                  long h, long w, long oc, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1, outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long o = 0; o < oc; ++o) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        _Float16 sum = bias[o];
        for (long ic = 0; ic < c; ++ic) {
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              sum += wt[((o * c + ic) * ks + ky) * ks + kx] * x[(ic * h + i * s + ky) * w + j * s + kx];
            }
          }
        }
        y[(o * outh + i) * outw + j] = sum;
      }
    }
  }
}
