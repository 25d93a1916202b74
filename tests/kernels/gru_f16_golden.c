/* kernels/nn/gru_f16 shares the fp32 task's golden (tests/kernels/gru_golden.c): same layout
 * and fp32 weights; the test widens the fp16 input (exactly) before calling it. */
#include "gru_golden.c"
