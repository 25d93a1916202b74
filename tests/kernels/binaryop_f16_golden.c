/* kernels/nn/binaryop_f16 shares the fp32 task's golden (tests/kernels/binaryop_golden.c): the
 * test passes the fp16 inputs as floats (exact) and rounds golden_binaryop_exact's double
 * results to fp16 once. */
#include "binaryop_golden.c"
