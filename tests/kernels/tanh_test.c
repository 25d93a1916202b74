/* ker0 of kernels/nn/tanh against its golden on the spec's shapes. */
#include "tanh_spec.h"
#include "golden_eltwise.h"

void eok_tanh_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_tanh_f32((x), (y), (n))
#define GOLDEN(x) golden_tanh(x)
#include "unary_test.h"
