/* kernels/nn/bnll_f16 shares the fp32 task's golden (tests/kernels/bnll_golden.c). */
#include "bnll_golden.c"
