/* Scalar golden for kernels/nn/conv1d, accumulated in double; test-only. */
#include "golden_compute.h"

void golden_conv1d(const float* x, const float* wt, const float* bias, double* y, long c, long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long p = 0; p < ocg; ++p) {
    for (long l = 0; l < 8; ++l) {
      for (long j = 0; j < outw; ++j) {
        double sum = bias[p * 8 + l];
        for (long q = 0; q < c; ++q) {
          for (long k = 0; k < ks; ++k) {
            sum += (double)wt[((p * c + q) * ks + k) * 8 + l] * (double)x[q * w + j * s + k * d];
          }
        }
        y[(p * outw + j) * 8 + l] = sum;
      }
    }
  }
}
