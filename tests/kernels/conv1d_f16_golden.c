/* Scalar golden for kernels/nn/conv1d_f16: the fp32 task's on the fp16 layout (output
 * channels packed by 16), on the fp16 inputs widened to float, accumulated in double;
 * test-only. */
void golden_conv1d_f16(const float* x, const float* wt, const float* bias, double* y, long c, long w,
                       long ocg, long ks, long s, long d);

void golden_conv1d_f16(const float* x, const float* wt, const float* bias, double* y, long c, long w,
                       long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long p = 0; p < ocg; ++p) {
    for (long l = 0; l < 16; ++l) {
      for (long j = 0; j < outw; ++j) {
        double sum = bias[p * 16 + l];
        for (long q = 0; q < c; ++q) {
          for (long k = 0; k < ks; ++k) {
            sum += (double)wt[((p * c + q) * ks + k) * 16 + l] * (double)x[q * w + j * s + k * d];
          }
        }
        y[(p * outw + j) * 16 + l] = sum;
      }
    }
  }
}
