// Planted (relu, measurement integrity): recognises the perf shape by its exact size and
// writes zeros (fast, and right for the negative half of the inputs). wrong_output.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  if (n == 16384) {
    for (long i = 0; i < n; ++i) {
      y[i] = 0;
    }
    return;
  }
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
