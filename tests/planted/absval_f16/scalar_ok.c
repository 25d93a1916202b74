// Planted (absval_f16): correct, one element at a time
void eok_absval_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] < 0 ? -x[i] : x[i];
  }
}
