// Planted: defines a different function than the entry.
void relu_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0.f ? x[i] : 0.f;
  }
}
