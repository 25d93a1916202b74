/* ker0 of kernels/nn/selu against its golden on the spec's shapes and params. */
#include "selu_spec.h"
#include "golden_eltwise.h"

void eok_selu_f32(const float* x, float* y, long n, float alpha, float lambda);
#define RUN_KERNEL(x, y, n) eok_selu_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_LAMBDA)
#define GOLDEN(x) golden_selu((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_LAMBDA)
#include "unary_test.h"
