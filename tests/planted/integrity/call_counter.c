// Planted (relu, measurement integrity): counts its calls in a static variable (the state
// a kernel would need to tell the measured call from the checked ones). Rejected: no
// writable data.
static long g_calls;

void eok_relu_f32(const float* x, float* y, long n)
{
  ++g_calls;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0 ? x[i] : 0;
  }
}
