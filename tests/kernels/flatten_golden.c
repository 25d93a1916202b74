/* Scalar golden for kernels/nn/flatten; test-only. */
#include "golden.h"

void golden_flatten(const float* x, double* y, long c, long h, long w, long elempack)
{
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < h * w; ++i) {
      long src = elempack == 8 ? ((q / 8) * h * w + i) * 8 + q % 8 : q * h * w + i;
      y[q * h * w + i] = x[src];
    }
  }
}
