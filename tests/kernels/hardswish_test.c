/* ker0 of kernels/nn/hardswish against its golden on the spec's shapes and params. */
#include "hardswish_spec.h"
#if SPEC_PARAM_ALPHA_COUNT != 1 || SPEC_PARAM_ALPHA_RANDOM
#error "this test checks one value of alpha: loop over spec_param_alpha_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_BETA_COUNT != 1 || SPEC_PARAM_BETA_RANDOM
#error "this test checks one value of beta: loop over spec_param_beta_values when kernel.toml lists several"
#endif
#include "golden_eltwise.h"

void eok_hardswish_f32(const float* x, float* y, long n, float alpha, float beta);
#define RUN_KERNEL(x, y, n) eok_hardswish_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#define GOLDEN(x) golden_hardswish((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#include "unary_test.h"
