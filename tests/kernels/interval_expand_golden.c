/* Scalar golden for kernels/gp/interval_expand: each segment's value, count times; test-only. */
#include "gp_golden.h"

void golden_interval_expand(const int* seg, const int* vals, long m, int* out, long n)
{
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    for (long k = seg[i]; k < end; ++k) {
      out[k] = vals[i];
    }
  }
}
