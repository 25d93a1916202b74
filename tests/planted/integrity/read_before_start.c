// Planted (relu, out-of-bounds read): looks at x[-1] (a "previous element" for a smoothing
// step that is then thrown away). out_of_bounds, "read x[-1]".
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    float prev = *(volatile const float*)&x[i - 1];
    (void)prev;
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
