/* Scalar golden for kernels/nn/bias; test-only. */
#include "golden_channel.h"

void golden_bias(const float* x, const float* bias, double* y, long c, long h, long w)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      /* A double sum of two floats rounded once to float is the fp32 sum (53 >= 2*24 + 2). */
      y[q * size + i] = (double)(float)((double)x[q * size + i] + (double)bias[q]);
    }
  }
}
