/* Scalar golden for kernels/nn/eltwise, in double; test-only. */
#include <math.h>

#include "golden.h"

static double fold(double acc, double v, long op, const float* coeffs, int use, int i)
{
  if (op == 0) {
    return acc * v;
  }
  if (op == 2) {
    return fmax(acc, v); /* maxNum, like vfmax: a NaN loses to a number */
  }
  return acc + (use ? (double)coeffs[i] * v : v);
}

void golden_eltwise(const float* a, const float* b, const float* c, const float* coeffs,
                    double* y, long n, long k, long op, long use_coeff)
{
  int use = op == 1 && use_coeff;
  for (long i = 0; i < n; ++i) {
    double acc = use ? (double)coeffs[0] * a[i] : a[i];
    acc = fold(acc, b[i], op, coeffs, use, 1);
    if (k == 3) {
      acc = fold(acc, c[i], op, coeffs, use, 2);
    }
    y[i] = acc;
  }
}
