// Planted (saxpy): leaves the last element of y unchanged; must be wrong_output.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  for (long i = 0; i + 1 < n; ++i) {
    y[i] = a * x[i] + y[i];
  }
}
