// Planted (relu, out-of-bounds read): software-pipelined scalar loop that loads x[i + 1]
// one iteration early, so it reads one element past the end. out_of_bounds, "read x[".
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  if (n == 0) {
    return;
  }
  float next = x[0];
  for (long i = 0; i < n; ++i) {
    float v = next;
    next = *(volatile const float*)&x[i + 1];
    y[i] = (v > 0.f ? v : slope == 0.f ? 0.f : v < 0.f ? v * slope : v);
  }
}
