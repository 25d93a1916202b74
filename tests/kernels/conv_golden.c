/* Scalar golden for kernels/nn/conv, accumulated in double; test-only. */
#include "golden_compute.h"

void golden_conv(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long oc, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long o = 0; o < oc; ++o) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        double sum = bias[o];
        for (long ic = 0; ic < c; ++ic) {
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              sum += (double)wt[((o * c + ic) * ks + ky) * ks + kx] * (double)x[(ic * h + i * s + ky * d) * w + j * s + kx * d];
            }
          }
        }
        y[(o * outh + i) * outw + j] = sum;
      }
    }
  }
}
