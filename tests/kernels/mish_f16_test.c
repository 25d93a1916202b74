/* ker0 of kernels/nn/mish_f16 against the fp32 task's double golden, in fp16 ulps, on the
 * spec's shapes and all 65536 fp16 inputs (tests/kernels/unary_f16_test.h). */
#include "golden.h"
#include "mish_f16_spec.h"

void eok_mish_f16(const _Float16* x, _Float16* y, long n);
#define RUN_KERNEL(x, y, n) eok_mish_f16((x), (y), (n))
#define GOLDEN(x) golden_mish(x)
#include "unary_f16_test.h"
