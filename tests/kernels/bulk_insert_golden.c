/* Scalar golden for kernels/gp/bulk_insert: before each b[j], every a[i] with idx[i] == j;
 * then those with idx[i] == n; test-only. */
#include "gp_golden.h"

void golden_bulk_insert(const int* a, const int* idx, long m, const int* b, long n, int* y)
{
  long i = 0, o = 0;
  for (long j = 0; j <= n; ++j) {
    while (i < m && idx[i] == j) {
      y[o++] = a[i++];
    }
    if (j < n) {
      y[o++] = b[j];
    }
  }
}
