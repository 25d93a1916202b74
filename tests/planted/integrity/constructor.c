// Planted (relu, measurement integrity): a constructor runs before main, outside the
// measured region (here it only spins, but anything could happen there). Rejected.
__attribute__((constructor)) static void warm_up(void)
{
  for (int i = 0; i < 1000; ++i) {
    __asm__ volatile("nop");
  }
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
