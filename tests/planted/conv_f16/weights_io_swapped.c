// Planted (conv_f16): reads the weights as W[ic][oc][ky][kx] (the Deconvolution layout)
// instead of W[oc][ic][ky][kx]: right only where c = 1 or oc = 1.
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
              sum += wt[((ic * oc + o) * ks + ky) * ks + kx] * x[(ic * h + i * s + ky * d) * w + j * s + kx * d];
            }
          }
        }
        y[(o * outh + i) * outw + j] = sum;
      }
    }
  }
}
