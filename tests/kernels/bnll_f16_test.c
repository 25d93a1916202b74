/* ker0 of kernels/nn/bnll_f16 against the fp32 task's double golden, in fp16 ulps, on the
 * spec's shapes and all 65536 fp16 inputs (tests/kernels/unary_f16_test.h). */
#include "golden.h"
#include "golden_eltwise.h"
#include "bnll_f16_spec.h"

void eok_bnll_f16(const _Float16* x, _Float16* y, long n);
#define RUN_KERNEL(x, y, n) eok_bnll_f16((x), (y), (n))
#define GOLDEN(x) golden_bnll(x)
#include "unary_f16_test.h"
