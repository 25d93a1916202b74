// Planted (relu, measurement integrity): a constant in a section of its own name, which
// nothing in the harness expects. Rejected.
__attribute__((used, section(".eok_stash"))) static const float g_zero[1] = {0.0f};

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > g_zero[0] ? x[i] : slope == g_zero[0] ? g_zero[0] : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
