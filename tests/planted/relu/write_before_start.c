// Planted: correct, but also scribbles on the element before the output.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  if (n > 4) {
    y[-1] = 1.f;
  }
}
