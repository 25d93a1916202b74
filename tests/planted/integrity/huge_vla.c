// Planted (relu, board limits): a variable-length array of 64 Ki floats per element, 16 MiB
// and more from n = 64: beyond an 8 MiB stack. crashed, "stack overflow".
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  volatile float scratch[n * 65536 + 1];
  for (long i = 0; i < n; ++i) {
    scratch[i * 65536] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  for (long i = 0; i < n; ++i) {
    y[i] = scratch[i * 65536];
  }
}
