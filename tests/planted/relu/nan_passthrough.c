// Planted: the scalar idiom `x < 0 ? 0 : x` lets NaN through where ker0 (vfmax) gives 0.
void eok_relu_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] < 0.f ? 0.f : x[i];
  }
}
