// Planted: computes in place in the input, then copies out.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  float* in = (float*)x;
  for (long i = 0; i < n; ++i) {
    in[i] = (in[i] > 0.f ? in[i] : slope == 0.f ? 0.f : in[i] < 0.f ? in[i] * slope : in[i]);
    y[i] = in[i];
  }
}
