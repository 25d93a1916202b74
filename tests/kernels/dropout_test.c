/* ker0 of kernels/nn/dropout against its golden on the spec's shapes and params. */
#include "dropout_spec.h"
#if SPEC_PARAM_SCALE_COUNT != 1 || SPEC_PARAM_SCALE_RANDOM
#error "this test checks one value of scale: loop over spec_param_scale_values when kernel.toml lists several"
#endif
#include "golden_eltwise.h"

void eok_dropout_f32(const float* x, float* y, long n, float scale);
#define RUN_KERNEL(x, y, n) eok_dropout_f32((x), (y), (n), (float)SPEC_PARAM_SCALE)
#define GOLDEN(x) golden_dropout((x), (double)(float)SPEC_PARAM_SCALE)
#include "unary_test.h"
