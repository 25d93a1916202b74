// Planted (saxpy): treats y as a pure output, y = a * x; must be wrong_output.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  for (long i = 0; i < n; ++i) {
    y[i] = a * x[i];
  }
}
