/* ker0 of kernels/gp/mergesort against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "mergesort_spec.h"

void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n);

#define GP_KERNEL eok_mergesort_i32
#define GP_GOLDEN golden_mergesort
#include "gp_test.h"
