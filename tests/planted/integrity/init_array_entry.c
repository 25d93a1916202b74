// Planted (relu, measurement integrity): a pointer placed in .init_array by hand, no
// constructor attribute. Rejected.
static void early(void)
{
  __asm__ volatile("nop");
}

__attribute__((used, section(".init_array"))) static void (*const g_early)(void) = early;

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
