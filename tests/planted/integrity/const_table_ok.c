// Planted (relu, measurement integrity): a const lookup table in .rodata is fine. Must be ok.
static const float k_zero[2] = {0.0f, 0.0f};

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > k_zero[i & 1] ? x[i] : slope == k_zero[i & 1] ? k_zero[i & 1] : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
