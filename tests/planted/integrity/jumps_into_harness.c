// Planted (relu, measurement integrity): calls the harness's own measured-call function (by
// its symbol) to run the markers from the harness's code: the region would be entered twice.
// A candidate may call only allow-listed functions, so it is rejected before it runs.
typedef struct Buf Buf;
void eok_measured_call(Buf* b, int s, int c);

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  if (n < 0) {
    eok_measured_call(0, 0, 0);
  }
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
