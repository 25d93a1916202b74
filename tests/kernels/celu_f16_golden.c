/* kernels/nn/celu_f16 shares the fp32 task's golden (tests/kernels/celu_golden.c); the test
 * passes alpha rounded to fp16, as the fp16 layer uses it. */
#include "celu_golden.c"
