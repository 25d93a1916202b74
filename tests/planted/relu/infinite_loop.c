// Planted: never returns.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  volatile long spin = 1;
  while (spin) {
  }
  for (long i = 0; i < n; ++i) {
    y[i] = x[i];
  }
}
