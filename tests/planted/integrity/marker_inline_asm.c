// Planted (relu, measurement integrity): ends the model's region of interest at once with
// the harness's end marker as inline assembly, so the measured call looks nearly free.
// Must be rejected before it runs.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  __asm__ volatile("slti x0, x0, 2");
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
