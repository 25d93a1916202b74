/* ker0 of kernels/nn/clip against its golden on the spec's shapes and params. */
#include "clip_spec.h"
#if SPEC_PARAM_LO_COUNT != 1 || SPEC_PARAM_LO_RANDOM
#error "this test checks one value of lo: loop over spec_param_lo_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_HI_COUNT != 1 || SPEC_PARAM_HI_RANDOM
#error "this test checks one value of hi: loop over spec_param_hi_values when kernel.toml lists several"
#endif
#include "golden.h"

void eok_clip_f32(const float* x, float* y, long n, float lo, float hi);
#define RUN_KERNEL(x, y, n) \
  eok_clip_f32((x), (y), (n), (float)SPEC_PARAM_LO, (float)SPEC_PARAM_HI)
#define GOLDEN(x) golden_clip((x), (double)(float)SPEC_PARAM_LO, (double)(float)SPEC_PARAM_HI)
#include "unary_test.h"
