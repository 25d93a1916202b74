/* Scalar golden for kernels/gp/segreduce: each segment summed in 64 bits; test-only. */
#include "gp_golden.h"

void golden_segreduce(const int* x, long n, const int* seg, long m, int* y, int* scan)
{
  (void)scan;
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    long long s = 0;
    for (long k = seg[i]; k < end; ++k) {
      s += x[k];
    }
    y[i] = (int)s;
  }
}
