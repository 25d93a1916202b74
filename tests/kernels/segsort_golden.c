/* Scalar golden for kernels/gp/segsort: each segment sorted by insertion sort (stable: an
 * element only moves past strictly greater keys, and never out of its segment); test-only. */
#include "gp_golden.h"

void golden_segsort(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp)
{
  (void)tmp;
  for (long s = 0; s < m; ++s) {
    long start = seg[s], end = s + 1 < m ? seg[s + 1] : n;
    for (long i = start; i < end; ++i) {
      int k = keys_in[i], v = vals_in[i];
      long j = i;
      while (j > start && keys[j - 1] > k) {
        keys[j] = keys[j - 1];
        vals[j] = vals[j - 1];
        --j;
      }
      keys[j] = k;
      vals[j] = v;
    }
  }
}
