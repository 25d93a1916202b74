// Planted: dereferences a null pointer.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  volatile float* volatile p = 0;
  *p = n > 0 ? x[0] : 0.f;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i];
  }
}
