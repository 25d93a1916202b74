/* ker0 of kernels/gp/segreduce against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "segreduce_spec.h"

void eok_segreduce_i32(const int* x, long n, const int* seg, long m, int* y, int* scan);

#define GP_KERNEL eok_segreduce_i32
#define GP_GOLDEN golden_segreduce
#include "gp_test.h"
