/* ker0 of kernels/nn/sigmoid against its golden on the spec's shapes. */
#include "sigmoid_spec.h"
#include "golden.h"

void eok_sigmoid_f32(const float* x, float* y, long n);
#define RUN_KERNEL(x, y, n) eok_sigmoid_f32((x), (y), (n))
#define GOLDEN(x) golden_sigmoid(x)
#include "unary_test.h"
