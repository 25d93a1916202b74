/* ker0 of kernels/nn/bnll against its golden on the spec's shapes. */
#include "bnll_spec.h"
#include "golden_eltwise.h"

void eok_bnll_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_bnll_f32((x), (y), (n))
#define GOLDEN(x) golden_bnll(x)
#include "unary_test.h"
