// Planted (relu, measurement integrity): a destructor, code that runs after the measured
// call. Rejected.
__attribute__((destructor)) static void after_all(void)
{
  __asm__ volatile("nop");
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
