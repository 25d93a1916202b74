// Planted (eltwise_f16): MAX as a compare-and-select (p > q ? p : q), which returns the NaN
// operand when it is the second one, where NCNN's vfmax returns the number; must be
// wrong_output.
void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff)
{
  int w = op == 1 && use_coeff;
  _Float16 c0 = w ? (_Float16)coeffs[0] : 1, c1 = w ? (_Float16)coeffs[1] : 1;
  _Float16 c2 = w ? (_Float16)coeffs[2] : 1;
  for (long i = 0; i < n; ++i) {
    _Float16 p = a[i], q = b[i];
    _Float16 r = op == 0 ? p * q : op == 1 ? p * c0 + q * c1 : (p > q ? p : q);
    if (k == 3) {
      _Float16 s = c[i];
      r = op == 0 ? r * s : op == 1 ? r + s * c2 : (r > s ? r : s);
    }
    y[i] = r;
  }
}
