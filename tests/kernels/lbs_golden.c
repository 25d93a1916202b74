/* Scalar golden for kernels/gp/lbs: walk the segments, writing each one's items; test-only. */
#include "gp_golden.h"

void golden_lbs(const int* seg, long m, int* owner, long n)
{
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    for (long k = seg[i]; k < end; ++k) {
      owner[k] = (int)i;
    }
  }
}
