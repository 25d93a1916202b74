// Planted (saxpy, measurement integrity): skips the work for sizes that are powers of two
// >= 1024 (the usual perf shapes), correct everywhere else. The perf shape's output is
// checked too: wrong_output there.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  if (n >= 1024 && (n & (n - 1)) == 0) {
    return;
  }
  for (long i = 0; i < n; ++i) {
    y[i] = a * x[i] + y[i];
  }
}
