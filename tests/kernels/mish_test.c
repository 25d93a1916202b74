/* ker0 of kernels/nn/mish against its golden on the spec's shapes. */
#include "mish_spec.h"
#include "golden.h"

void eok_mish_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_mish_f32((x), (y), (n))
#define GOLDEN(x) golden_mish(x)
#include "unary_test.h"
