/* Scalar golden for kernels/nn/deconv in the scatter form (each input value adds its
 * weighted kernel to the full output), accumulated in double, then cropped; test-only. */
#include <stdlib.h>

#include "golden_compute.h"

void golden_deconv(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long ocg, long ks, long s, long d,
                   long p)
{
  const long fullh = (h - 1) * s + d * (ks - 1) + 1, fullw = (w - 1) * s + d * (ks - 1) + 1;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  double* full = malloc(sizeof(double) * (size_t)(fullh * fullw + 1));
  if (!full) {
    exit(2);
  }
  for (long g = 0; g < ocg; ++g) {
    for (long l = 0; l < 8; ++l) {
      for (long i = 0; i < fullh * fullw; ++i) {
        full[i] = bias[g * 8 + l];
      }
      for (long q = 0; q < c; ++q) {
        for (long i = 0; i < h; ++i) {
          for (long j = 0; j < w; ++j) {
            double v = x[(q * h + i) * w + j];
            for (long ky = 0; ky < ks; ++ky) {
              for (long kx = 0; kx < ks; ++kx) {
                full[(i * s + ky * d) * fullw + j * s + kx * d] += v * (double)wt[((g * c + q) * ks * ks + ky * ks + kx) * 8 + l];
              }
            }
          }
        }
      }
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          y[((g * outh + i) * outw + j) * 8 + l] = full[(i + p) * fullw + j + p];
        }
      }
    }
  }
  free(full);
}
