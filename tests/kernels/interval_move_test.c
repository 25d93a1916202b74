/* ker0 of kernels/gp/interval_move against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "interval_move_spec.h"

void eok_interval_move_i32(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n);

#define GP_KERNEL eok_interval_move_i32
#define GP_GOLDEN golden_interval_move
#include "gp_test.h"
