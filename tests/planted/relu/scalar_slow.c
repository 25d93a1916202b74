// Correct but slow: one element per iteration, vectorisation disabled. Must pass, measured slower.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
