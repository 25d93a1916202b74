/* Scalar golden for kernels/nn/selu; test-only. */
#include <math.h>

#include "golden_eltwise.h"

double golden_selu(double x, float alpha, float lambda)
{
  float alpha_lambda = alpha * lambda; /* formed in fp32, as the layer does */
  /* lambda * x rounds to fp32 (it overflows to +inf for x near FLT_MAX, as in fp32). */
  return x < 0.0 ? alpha_lambda * expm1(x) : (double)(float)(lambda * x);
}
