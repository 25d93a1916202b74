/* Scalar golden for kernels/nn/convdw_f16, in double on the fp16 inputs widened to float
 * (exact): the fp32 task's formula on the fp16 layout (channels packed by 16). Test-only. */
void golden_convdw_f16(const float* x, const float* k, const float* bias, double* y, long cg, long h,
                       long w, long ks, long s, long d);

void golden_convdw_f16(const float* x, const float* k, const float* bias, double* y, long cg, long h,
                       long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          double sum = bias[g * 16 + l];
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              long at = ((g * h + i * s + ky * d) * w + j * s + kx * d) * 16 + l;
              sum += (double)k[((g * ks + ky) * ks + kx) * 16 + l] * (double)x[at];
            }
          }
          y[((g * outh + i) * outw + j) * 16 + l] = sum;
        }
      }
    }
  }
}
