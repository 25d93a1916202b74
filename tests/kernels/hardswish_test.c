/* ker0 of kernels/nn/hardswish against its golden on the spec's shapes and params. */
#include "hardswish_spec.h"
#include "golden_eltwise.h"

void eok_hardswish_f32(const float* x, float* y, long n, float alpha, float beta);
#define RUN_KERNEL(x, y, n) eok_hardswish_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#define GOLDEN(x) golden_hardswish((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#include "unary_test.h"
