/* ker0 of kernels/gp/locality_sort against its golden (tests/kernels/gp_test.h). The
 * golden is mergesort's, so mergesort_golden.c is linked too. */
#include "gp_golden.h"
#include "locality_sort_spec.h"

void eok_locality_sort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n);

#define GP_KERNEL eok_locality_sort_i32
#define GP_GOLDEN golden_locality_sort
#include "gp_test.h"
#include "mergesort_golden.c"
