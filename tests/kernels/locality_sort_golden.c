/* Scalar golden for kernels/gp/locality_sort: the same stable sort as mergesort's golden
 * (qsort on key and original position); test-only. */
#include "gp_golden.h"

void golden_locality_sort(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  golden_mergesort(keys_in, vals_in, keys, vals, tmp_k, tmp_v, n);
}
