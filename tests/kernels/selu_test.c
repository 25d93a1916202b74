/* ker0 of kernels/nn/selu against its golden on the spec's shapes and params. */
#include "selu_spec.h"
#if SPEC_PARAM_ALPHA_COUNT != 1 || SPEC_PARAM_ALPHA_RANDOM
#error "this test checks one value of alpha: loop over spec_param_alpha_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_LAMBDA_COUNT != 1 || SPEC_PARAM_LAMBDA_RANDOM
#error "this test checks one value of lambda: loop over spec_param_lambda_values when kernel.toml lists several"
#endif
#include "golden_eltwise.h"

void eok_selu_f32(const float* x, float* y, long n, float alpha, float lambda);
#define RUN_KERNEL(x, y, n) eok_selu_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_LAMBDA)
#define GOLDEN(x) golden_selu((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_LAMBDA)
#include "unary_test.h"
