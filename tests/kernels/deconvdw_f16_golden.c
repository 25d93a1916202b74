/* Scalar golden for kernels/nn/deconvdw_f16 (the fp32 task's, on the fp16 layout: channels
 * packed by 16; inputs are the fp16 values widened to float) in the scatter form (each input pixel adds its
 * weighted kernel to the full output), accumulated in double, then cropped; test-only. */
#include <stdlib.h>

void golden_deconvdw_f16(const float* x, const float* k, const float* bias, double* y, long cg, long h,
                         long w, long ks, long s, long d, long p);

void golden_deconvdw_f16(const float* x, const float* k, const float* bias, double* y, long cg, long h,
                         long w, long ks, long s, long d, long p)
{
  const long fullh = (h - 1) * s + d * (ks - 1) + 1, fullw = (w - 1) * s + d * (ks - 1) + 1;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  double* full = malloc(sizeof(double) * (size_t)(fullh * fullw + 1));
  if (!full) {
    exit(2);
  }
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < fullh * fullw; ++i) {
        full[i] = bias[g * 16 + l];
      }
      for (long i = 0; i < h; ++i) {
        for (long j = 0; j < w; ++j) {
          double v = x[((g * h + i) * w + j) * 16 + l];
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              full[(i * s + ky * d) * fullw + j * s + kx * d] += v * (double)k[((g * ks + ky) * ks + kx) * 16 + l];
            }
          }
        }
      }
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          y[((g * outh + i) * outw + j) * 16 + l] = full[(i + p) * fullw + j + p];
        }
      }
    }
  }
  free(full);
}
