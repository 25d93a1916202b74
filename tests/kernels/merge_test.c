/* ker0 of kernels/gp/merge against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "merge_spec.h"

void eok_merge_i32(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv);

#define GP_KERNEL eok_merge_i32
#define GP_GOLDEN golden_merge
#include "gp_test.h"
