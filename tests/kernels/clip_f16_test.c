/* ker0 of kernels/nn/clip_f16 against the fp32 task's double golden, in fp16 ulps, on the
 * spec's shapes and all 65536 fp16 inputs. */
#include "clip_f16_spec.h"
#if SPEC_PARAM_LO_COUNT != 1 || SPEC_PARAM_LO_RANDOM
#error "this test checks one value of lo: loop over spec_param_lo_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_HI_COUNT != 1 || SPEC_PARAM_HI_RANDOM
#error "this test checks one value of hi: loop over spec_param_hi_values when kernel.toml lists several"
#endif
#include "golden.h"
#include "golden_eltwise.h"

void eok_clip_f16(const _Float16* x, _Float16* y, long n, float lo, float hi);
#define RUN_KERNEL(x, y, n) eok_clip_f16((x), (y), (n), (float)SPEC_PARAM_LO, (float)SPEC_PARAM_HI)
#define GOLDEN(x) golden_clip((x), (double)(_Float16)SPEC_PARAM_LO, (double)(_Float16)SPEC_PARAM_HI)
#include "unary_f16_test.h"
