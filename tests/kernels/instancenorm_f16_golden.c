/* kernels/nn/instancenorm_f16 shares the fp32 task's golden (tests/kernels/instancenorm_golden.c);
 * the test passes the fp16 inputs as floats (exact), repacked to planar for elempack 16. */
#include "instancenorm_golden.c"
