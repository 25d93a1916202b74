/* Scalar golden for kernels/nn/batchnorm, in double; test-only. */
#include "golden_channel.h"

void golden_batchnorm(const float* x, const float* a, const float* b, double* y, long c, long h,
                      long w, long elempack)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    /* Index of channel q's pixel i in either layout. */
    long base = elempack == 8 ? (q / 8) * size * 8 + q % 8 : q * size;
    long step = elempack == 8 ? 8 : 1;
    for (long i = 0; i < size; ++i) {
      long at = base + i * step;
      y[at] = (double)(float)((double)b[q] * x[at] + a[q]);
    }
  }
}
