/* ker0 of kernels/gp/lbs against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "lbs_spec.h"

void eok_lbs_i32(const int* seg, long m, int* owner, long n);

#define GP_KERNEL eok_lbs_i32
#define GP_GOLDEN golden_lbs
#include "gp_test.h"
