// Planted (eltwise_f16): SUM ignores use_coeff and adds the inputs plainly (NCNN's empty
// coeffs case for every SUM); must be wrong_output.
#include <math.h>

void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff)
{
  (void)coeffs;
  (void)use_coeff;
  for (long i = 0; i < n; ++i) {
    _Float16 r = op == 0 ? a[i] * b[i] : op == 1 ? a[i] + b[i] : (_Float16)fmaxf(a[i], b[i]);
    if (k == 3) {
      r = op == 0 ? r * c[i] : op == 1 ? r + c[i] : (_Float16)fmaxf(r, c[i]);
    }
    y[i] = r;
  }
}
