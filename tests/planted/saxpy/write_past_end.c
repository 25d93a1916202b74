// Planted (saxpy): also updates y[n], one past the end; must be out_of_bounds.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  for (long i = 0; i < n; ++i) {
    y[i] = a * x[i] + y[i];
  }
  if (n > 0) {
    y[n] = y[n - 1];
  }
}
