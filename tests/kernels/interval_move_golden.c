/* Scalar golden for kernels/gp/interval_move: interval by interval, element by element;
 * test-only. */
#include "gp_golden.h"

void golden_interval_move(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n)
{
  (void)nx;
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    for (long r = 0; seg[i] + r < end; ++r) {
      out[seg[i] + r] = x[src[i] + r];
    }
  }
}
