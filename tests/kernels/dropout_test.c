/* ker0 of kernels/nn/dropout against its golden on the spec's shapes and params. */
#include "dropout_spec.h"
#include "golden_eltwise.h"

void eok_dropout_f32(const float* x, float* y, long n, float scale);
#define RUN_KERNEL(x, y, n) eok_dropout_f32((x), (y), (n), (float)SPEC_PARAM_SCALE)
#define GOLDEN(x) golden_dropout((x), (double)(float)SPEC_PARAM_SCALE)
#include "unary_test.h"
