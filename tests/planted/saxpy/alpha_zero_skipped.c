// Planted (saxpy): returns early when a == 0, as if y + 0 * x were always y; but x holds
// Inf and NaN, and 0 * Inf is NaN. Must be wrong_output once a takes the value 0.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  if (a == 0) {
    return;
  }
  for (long i = 0; i < n; ++i) {
    y[i] = a * x[i] + y[i];
  }
}
