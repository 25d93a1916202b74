// Planted (relu, measurement integrity): counts its calls in a static variable (the state
// a kernel would need to tell the measured call from the checked ones). Rejected: no
// writable data.
static long g_calls;

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  ++g_calls;
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
