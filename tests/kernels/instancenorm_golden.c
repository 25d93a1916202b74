/* Scalar golden for kernels/nn/instancenorm, two passes in double; test-only. */
#include <math.h>

#include "golden.h"

void golden_instancenorm(const float* x, const float* gamma, const float* beta, double* y,
                         long c, long h, long w, long elempack, double eps)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    /* Index of channel q's pixel i in either layout. */
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    double sum = 0;
    for (long i = 0; i < size; ++i) {
      sum += x[base + i * step];
    }
    double mean = sum / (double)size, sq = 0;
    for (long i = 0; i < size; ++i) {
      double d = x[base + i * step] - mean;
      sq += d * d;
    }
    double a = gamma[q] / sqrt(sq / (double)size + eps);
    for (long i = 0; i < size; ++i) {
      y[base + i * step] = (x[base + i * step] - mean) * a + beta[q];
    }
  }
}
