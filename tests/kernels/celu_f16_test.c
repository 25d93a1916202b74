/* ker0 of kernels/nn/celu_f16 against the fp32 task's double golden (alpha rounded to fp16),
 * in fp16 ulps, on the spec's shapes and all 65536 fp16 inputs. */
#include "celu_f16_spec.h"
#if SPEC_PARAM_ALPHA_COUNT != 1 || SPEC_PARAM_ALPHA_RANDOM
#error "this test checks one value of alpha: loop over spec_param_alpha_values when kernel.toml lists several"
#endif
#include "golden_eltwise.h"

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha);
#define RUN_KERNEL(x, y, n) eok_celu_f16((x), (y), (n), (float)SPEC_PARAM_ALPHA)
#define GOLDEN(x) golden_celu((x), (double)(_Float16)SPEC_PARAM_ALPHA)
#include "unary_f16_test.h"
