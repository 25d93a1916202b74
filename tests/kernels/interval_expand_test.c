/* ker0 of kernels/gp/interval_expand against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "interval_expand_spec.h"

void eok_interval_expand_i32(const int* seg, const int* vals, long m, int* out, long n);

#define GP_KERNEL eok_interval_expand_i32
#define GP_GOLDEN golden_interval_expand
#include "gp_test.h"
