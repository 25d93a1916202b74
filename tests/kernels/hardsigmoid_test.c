/* ker0 of kernels/nn/hardsigmoid against its golden on the spec's shapes and params. */
#include "hardsigmoid_spec.h"
#include "golden_eltwise.h"

void eok_hardsigmoid_f32(const float* x, float* y, long n, float alpha, float beta);
#define RUN_KERNEL(x, y, n) eok_hardsigmoid_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#define GOLDEN(x) golden_hardsigmoid((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#include "unary_test.h"
