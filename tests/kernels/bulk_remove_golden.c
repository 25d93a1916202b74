/* Scalar golden for kernels/gp/bulk_remove: copy x, skipping the next index to remove;
 * test-only. */
#include "gp_golden.h"

void golden_bulk_remove(const int* x, long n, const int* idx, long m, int* y, int* flags)
{
  (void)flags;
  long r = 0, o = 0;
  for (long i = 0; i < n; ++i) {
    if (r < m && idx[r] == i) {
      r++;
    } else {
      y[o++] = x[i];
    }
  }
}
