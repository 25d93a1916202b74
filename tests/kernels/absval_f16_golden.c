/* kernels/nn/absval_f16 shares the fp32 task's golden (tests/kernels/absval_golden.c). */
#include "absval_golden.c"
