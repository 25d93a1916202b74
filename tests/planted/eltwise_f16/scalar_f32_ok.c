// Planted (eltwise_f16): correct, one element at a time, accumulated in fp32 with the
// coefficients rounded to fp16 and one rounding to fp16 at the end (closer than ker0).
#include <math.h>

void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff)
{
  int w = op == 1 && use_coeff;
  float c0 = w ? (float)(_Float16)coeffs[0] : 1.0f, c1 = w ? (float)(_Float16)coeffs[1] : 1.0f;
  float c2 = w ? (float)(_Float16)coeffs[2] : 1.0f;
  for (long i = 0; i < n; ++i) {
    float r, p = (float)a[i], q = (float)b[i];
    r = op == 0 ? p * q : op == 1 ? p * c0 + q * c1 : fmaxf(p, q);
    if (k == 3) {
      float s = (float)c[i];
      r = op == 0 ? r * s : op == 1 ? r + s * c2 : fmaxf(r, s);
    }
    y[i] = (_Float16)r;
  }
}
