/* kernels/nn/clip_f16 shares the fp32 task's golden (tests/kernels/clip_golden.c). */
#include "clip_golden.c"
