/* Scalar golden for kernels/nn/sigmoid_f16; test-only. The fp16 kernel's golden is the
 * double-precision sigmoid; the test rounds it to fp16 and counts fp16 ulps. */
#include <math.h>

#include "golden.h"

double golden_sigmoid_f16(double x)
{
  if (isnan(x)) {
    return x;
  }
  return 1.0 / (1.0 + exp(-x));
}
