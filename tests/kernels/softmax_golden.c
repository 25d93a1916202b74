/* Scalar golden for kernels/nn/softmax, in double; test-only. */
#include <math.h>

#include "golden.h"

void golden_softmax(const float* x, double* y, long c, long h, long w, long axis)
{
  /* Lines of n values at stride `stride`; `count` lines start at consecutive positions
   * within a block, `blocks` blocks of n*stride values. */
  long n = axis == 0 ? c : axis == 1 ? h : w;
  long stride = axis == 0 ? h * w : axis == 1 ? w : 1;
  long count = axis == 2 ? 1 : stride;
  long blocks = axis == 0 ? 1 : axis == 1 ? c : c * h;
  for (long b = 0; b < blocks; ++b) {
    for (long p = 0; p < count; ++p) {
      long base = b * n * stride + p;
      double m = -INFINITY, sum = 0;
      for (long k = 0; k < n; ++k) {
        m = fmax(m, x[base + k * stride]);
      }
      for (long k = 0; k < n; ++k) {
        sum += exp(x[base + k * stride] - m);
      }
      for (long k = 0; k < n; ++k) {
        y[base + k * stride] = exp(x[base + k * stride] - m) / sum;
      }
    }
  }
}
