/* kernels/nn/eltwise_f16 shares the fp32 task's golden (tests/kernels/eltwise_golden.c); the
 * test passes the fp16 inputs as floats (exact) and the coefficients rounded to fp16. */
#include "eltwise_golden.c"
