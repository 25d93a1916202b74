/* ker0 of kernels/gp/segsort against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "segsort_spec.h"

void eok_segsort_i32(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp);

#define GP_KERNEL eok_segsort_i32
#define GP_GOLDEN golden_segsort
#include "gp_test.h"
