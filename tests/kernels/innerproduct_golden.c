/* Scalar golden for kernels/nn/innerproduct, accumulated in double; test-only. */
#include "golden_compute.h"

void golden_innerproduct(const float* x, const float* w, const float* bias, double* y, long nin, long nout)
{
  const long full = nout / 8 * 8;
  for (long o = 0; o < nout; ++o) {
    double sum = bias[o];
    for (long i = 0; i < nin; ++i) {
      /* W[o][i]: interleaved by 8 within full blocks, row-major in the tail. */
      long at = o < full ? ((o / 8) * nin + i) * 8 + o % 8 : full * nin + (o - full) * nin + i;
      sum += (double)w[at] * (double)x[i];
    }
    y[o] = sum;
  }
}
