// Planted (deconvdw): a correct scalar gather (per output pixel, taps in scatter order), bias last; must be ok.
void eok_deconvdw_f32(const float* x, const float* k, const float* bias, float* y, long cg, long h, long w, long ks, long s, long d, long p)
{
  const long fullh = (h - 1) * s + d * (ks - 1) + 1, fullw = (w - 1) * s + d * (ks - 1) + 1;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 8; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          float sum = 0.0f;
          for (long ky = 0; ky < ks; ++ky) {
            long oy = i + p - ky * d; /* input row iy with iy*s + ky*d = oy */
            if (oy < 0 || oy % s != 0 || oy / s >= h) {
              continue;
            }
            for (long kx = 0; kx < ks; ++kx) {
              long ox = j + p - kx * d;
              if (ox < 0 || ox % s != 0 || ox / s >= w) {
                continue;
              }
              float v = x[((g * h + oy / s) * w + ox / s) * 8 + l];
              sum = (float)(sum + (float)(v * k[((g * ks + ky) * ks + kx) * 8 + l]));
            }
          }
          y[((g * outh + i) * outw + j) * 8 + l] = (float)(sum + bias[g * 8 + l]);
        }
      }
    }
  }
}
