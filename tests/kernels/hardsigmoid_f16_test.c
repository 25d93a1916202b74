/* ker0 of kernels/nn/hardsigmoid_f16 against the fp32 task's double golden, in fp16 ulps, on the
 * spec's shapes and all 65536 fp16 inputs. */
#include "hardsigmoid_f16_spec.h"
#if SPEC_PARAM_ALPHA_COUNT != 1 || SPEC_PARAM_ALPHA_RANDOM
#error "this test checks one value of alpha: loop over spec_param_alpha_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_BETA_COUNT != 1 || SPEC_PARAM_BETA_RANDOM
#error "this test checks one value of beta: loop over spec_param_beta_values when kernel.toml lists several"
#endif
#include "golden.h"
#include "golden_eltwise.h"

void eok_hardsigmoid_f16(const _Float16* x, _Float16* y, long n, float alpha, float beta);
#define RUN_KERNEL(x, y, n) eok_hardsigmoid_f16((x), (y), (n), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#define GOLDEN(x) golden_hardsigmoid_f16((x), (float)SPEC_PARAM_ALPHA, (float)SPEC_PARAM_BETA)
#include "unary_f16_test.h"
