/* Scalar golden for kernels/gp/merge: the textbook two-finger merge, a first on ties;
 * test-only. */
#include "gp_golden.h"

void golden_merge(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv)
{
  long i = 0, j = 0, k = 0;
  while (i < na || j < nb) {
    if (j >= nb || (i < na && ak[i] <= bk[j])) {
      ck[k] = ak[i];
      cv[k++] = av[i++];
    } else {
      ck[k] = bk[j];
      cv[k++] = bv[j++];
    }
  }
}
