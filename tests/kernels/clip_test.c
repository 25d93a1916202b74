/* ker0 of kernels/nn/clip against its golden on the spec's shapes and params. */
#include "clip_spec.h"
#include "golden.h"

void eok_clip_f32(const float* x, float* y, long n, float lo, float hi);
#define RUN_KERNEL(x, y, n) \
  eok_clip_f32((x), (y), (n), (float)SPEC_PARAM_LO, (float)SPEC_PARAM_HI)
#define GOLDEN(x) golden_clip((x), (double)(float)SPEC_PARAM_LO, (double)(float)SPEC_PARAM_HI)
#include "unary_test.h"
