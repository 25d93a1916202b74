// Planted (saxpy): adds x without scaling it (as if a were 1); must be wrong_output.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  (void)a;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] + y[i];
  }
}
