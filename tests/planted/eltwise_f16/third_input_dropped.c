// Planted (eltwise_f16): folds only a and b, whatever k (the loop over further inputs
// forgotten); must be wrong_output.
#include <math.h>

void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff)
{
  (void)c;
  (void)k;
  int w = op == 1 && use_coeff;
  _Float16 c0 = w ? (_Float16)coeffs[0] : 1, c1 = w ? (_Float16)coeffs[1] : 1;
  for (long i = 0; i < n; ++i) {
    y[i] = op == 0 ? a[i] * b[i] : op == 1 ? a[i] * c0 + b[i] * c1 : (_Float16)fmaxf(a[i], b[i]);
  }
}
