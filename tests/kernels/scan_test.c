/* ker0 of kernels/gp/scan against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "scan_spec.h"

void eok_scan_i32(const int* x, int* y, int* total, long n);

#define GP_KERNEL eok_scan_i32
#define GP_GOLDEN golden_scan
#include "gp_test.h"
