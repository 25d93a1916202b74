// Planted (relu_f16): correct, one element at a time with the slope rounded to fp16.
void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope)
{
  const _Float16 s = (_Float16)slope;
  for (long i = 0; i < n; ++i) {
    _Float16 v = x[i];
    if (slope == 0.0f) {
      y[i] = v > (_Float16)0.0f ? v : (_Float16)0.0f;
    } else {
      y[i] = v < (_Float16)0.0f ? v * s : v;
    }
  }
}
