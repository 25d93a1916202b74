/* ker0 of kernels/nn/swish against its golden on the spec's shapes. */
#include "swish_spec.h"
#include "golden.h"

void eok_swish_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_swish_f32((x), (y), (n))
#define GOLDEN(x) golden_swish(x)
#include "unary_test.h"
