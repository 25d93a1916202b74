/* Scalar golden for kernels/nn/deconv_f16: the fp32 task's scatter form
 * (tests/kernels/deconv_golden.c) on the fp16 layout (outputs packed by 16) with NCNN's
 * output padding (op extra rows and columns at the bottom and right, bias only, before the
 * crop), accumulated in double on the fp16 inputs widened to float; test-only. */
#include <stdlib.h>

void golden_deconv_f16(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long ocg, long ks, long s,
                       long d, long p, long op);

void golden_deconv_f16(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long ocg, long ks, long s,
                       long d, long p, long op)
{
  const long fullh = (h - 1) * s + d * (ks - 1) + 1 + op, fullw = (w - 1) * s + d * (ks - 1) + 1 + op;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  double* full = malloc(sizeof(double) * (size_t)(fullh * fullw + 1));
  if (!full) {
    exit(2);
  }
  for (long g = 0; g < ocg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < fullh * fullw; ++i) {
        full[i] = bias[g * 16 + l];
      }
      for (long q = 0; q < c; ++q) {
        for (long i = 0; i < h; ++i) {
          for (long j = 0; j < w; ++j) {
            double v = x[(q * h + i) * w + j];
            for (long ky = 0; ky < ks; ++ky) {
              for (long kx = 0; kx < ks; ++kx) {
                full[(i * s + ky * d) * fullw + j * s + kx * d] += v * (double)wt[((g * c + q) * ks * ks + ky * ks + kx) * 16 + l];
              }
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
