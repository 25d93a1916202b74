/* ker0 of kernels/gp/bulk_remove against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "bulk_remove_spec.h"

void eok_bulk_remove_i32(const int* x, long n, const int* idx, long m, int* y, int* flags);

#define GP_KERNEL eok_bulk_remove_i32
#define GP_GOLDEN golden_bulk_remove
#include "gp_test.h"
