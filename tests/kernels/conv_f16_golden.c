/* kernels/nn/conv_f16 shares the fp32 task's golden (tests/kernels/conv_golden.c): same planar
 * layout; the test widens the fp16 inputs (exactly) before calling it. */
#include "conv_golden.c"
