/* ker0 of kernels/gp/join against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "join_spec.h"

void eok_join_i32(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp);

#define GP_KERNEL eok_join_i32
#define GP_GOLDEN golden_join
#include "gp_test.h"
