/* Scalar golden for kernels/nn/gelu, in double (libm erfc, tanh); test-only. */
#include <math.h>

#include "golden_channel.h"

double golden_gelu(double x, long fast_gelu)
{
  double f;
  if (fast_gelu) {
    /* NCNN's constants, as floats. */
    double u = (double)0.79788452f * (x + (double)0.044715f * x * x * x);
    f = 1.0 + tanh(u);
  } else {
    f = erfc(-x / sqrt(2.0));
  }
  return (double)(float)(0.5 * x * f); /* -Inf * 0 = NaN; FLT_MAX stays FLT_MAX */
}
