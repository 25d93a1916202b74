/* Scalar golden for kernels/gp/join: for each a[i], walk the b keys equal to it (b's
 * pointer only moves forward since a ascends), in (i, j) order, stopping at cap;
 * test-only. */
#include "gp_golden.h"

void golden_join(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp)
{
  (void)tmp;
  long n = 0, first = 0;
  for (long i = 0; i < na; ++i) {
    while (first < nb && b[first] < a[i]) {
      first++;
    }
    for (long j = first; j < nb && b[j] == a[i]; ++j) {
      if (n < cap) {
        ai[n] = (int)i;
        bi[n++] = (int)j;
      }
    }
  }
  *count = n;
}
