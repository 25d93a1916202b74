/* Scalar golden for kernels/gp/multiset: walk the runs of equal values of both lists
 * together and emit each value as many times as the operation says; test-only. */
#include "gp_golden.h"

void golden_multiset(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op)
{
  (void)tmp;
  long i = 0, j = 0, n = 0;
  while (i < na || j < nb) {
    int v = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
    long ca = 0, cb = 0;
    while (i < na && a[i] == v) {
      i++;
      ca++;
    }
    while (j < nb && b[j] == v) {
      j++;
      cb++;
    }
    long times = op == 0 ? (ca > cb ? ca : cb)
               : op == 1 ? (ca < cb ? ca : cb)
               : op == 2 ? (ca > cb ? ca - cb : 0)
                         : (ca > cb ? ca - cb : cb - ca);
    while (times-- > 0) {
      out[n++] = v;
    }
  }
  *count = n;
}
