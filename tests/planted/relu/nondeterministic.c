// Planted: state kept between calls changes the answer on the second run.
static int g_calls;

void eok_relu_f32(const float* x, float* y, long n)
{
  ++g_calls;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0.f ? x[i] : (float)(g_calls & 1) * 0.f + (g_calls > 7 ? 1e-3f : 0.f);
  }
}
