/* ker0 of kernels/gp/bulk_insert against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "bulk_insert_spec.h"

void eok_bulk_insert_i32(const int* a, const int* idx, long m, const int* b, long n, int* y);

#define GP_KERNEL eok_bulk_insert_i32
#define GP_GOLDEN golden_bulk_insert
#include "gp_test.h"
