// Planted (deconvdw_f16): a scalar gather with the model-layout (unflipped) kernel and fp32
// sums, bias last, rounded once: another order than ker0's fp16 sums and more accurate,
// within the tolerance.
void eok_deconvdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                      long h, long w, long ks, long s, long d, long p)
{
  const long fullh = (h - 1) * s + d * (ks - 1) + 1, fullw = (w - 1) * s + d * (ks - 1) + 1;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          const long fi = i + p, fj = j + p; /* position in the full output */
          float sum = 0.f;
          for (long ky = 0; ky < ks; ++ky) {
            const long ty = fi - ky * d;
            if (ty < 0 || ty % s != 0 || ty / s >= h) {
              continue;
            }
            for (long kx = 0; kx < ks; ++kx) {
              const long tx = fj - kx * d;
              if (tx < 0 || tx % s != 0 || tx / s >= w) {
                continue;
              }
              sum += (float)x[((g * h + ty / s) * w + tx / s) * 16 + l] * (float)k[((g * ks + ky) * ks + kx) * 16 + l];
            }
          }
          y[((g * outh + i) * outw + j) * 16 + l] = (_Float16)(sum + (float)bias[g * 16 + l]);
        }
      }
    }
  }
}
