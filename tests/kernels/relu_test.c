/* ker0 of kernels/nn/relu against its golden on the spec's shapes. */
#include "relu_spec.h"
#include "golden.h"

void eok_relu_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_relu_f32((x), (y), (n))
#define GOLDEN(x) golden_relu(x)
#include "unary_test.h"
