// Planted (eltwise): MAX written as a > b ? a : b (C's std::max the other way
// round): a NaN in b passes through where vfmax returns a.
#include <math.h>

void eok_eltwise_f32(const float* a, const float* b, const float* c, const float* coeffs,
                     float* y, long n, long k, long op, long use_coeff)
{
  int w = op == 1 && use_coeff;
  for (long i = 0; i < n; ++i) {
    float r;
    if (op == 0) {
      r = a[i] * b[i];
      r = k == 3 ? r * c[i] : r;
    } else if (op == 2) {
      r = a[i] > b[i] ? a[i] : b[i];
      r = k == 3 ? (r > c[i] ? r : c[i]) : r;
    } else {
      r = w ? a[i] * coeffs[0] + b[i] * coeffs[1] : a[i] + b[i];
      r = k == 3 ? r + (w ? c[i] * coeffs[2] : c[i]) : r;
    }
    y[i] = r;
  }
}
