// Planted (relu, measurement integrity): does only the first half of the work for power-of-
// two sizes >= 1024 (the measured shape measures about 2x faster). wrong_output on the perf
// shape.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  long m = n >= 1024 && (n & (n - 1)) == 0 ? n / 2 : n;
  for (long i = 0; i < m; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
