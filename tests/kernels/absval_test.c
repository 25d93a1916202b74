/* ker0 of kernels/nn/absval against its golden on the spec's shapes. */
#include "absval_spec.h"
#include "golden_eltwise.h"

void eok_absval_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_absval_f32((x), (y), (n))
#define GOLDEN(x) golden_absval(x)
#include "unary_test.h"
