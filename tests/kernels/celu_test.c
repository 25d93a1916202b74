/* ker0 of kernels/nn/celu against its golden on the spec's shapes and params. */
#include "celu_spec.h"
#if SPEC_PARAM_ALPHA_COUNT != 1 || SPEC_PARAM_ALPHA_RANDOM
#error "this test checks one value of alpha: loop over spec_param_alpha_values when kernel.toml lists several"
#endif
#include "golden_eltwise.h"

void eok_celu_f32(const float* x, float* y, long n, float alpha);
#define RUN_KERNEL(x, y, n) eok_celu_f32((x), (y), (n), (float)SPEC_PARAM_ALPHA)
#define GOLDEN(x) golden_celu((x), (double)(float)SPEC_PARAM_ALPHA)
#include "unary_test.h"
