// Planted: computes in place in the input, then copies out.
void eok_relu_f32(const float* x, float* y, long n)
{
  float* in = (float*)x;
  for (long i = 0; i < n; ++i) {
    in[i] = in[i] > 0.f ? in[i] : 0.f;
    y[i] = in[i];
  }
}
