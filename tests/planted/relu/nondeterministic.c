// Planted: state kept between calls changes the answer on the second run. Writable data is
// rejected, so the state lives in dead stack far below the kernel's frame, which nothing
// overwrites between two calls.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  volatile int* calls = (volatile int*)__builtin_frame_address(0) - 4096;
  int c = ++*calls;
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0.f ? x[i] : c > 7 && (c & 1) == 0 ? 1e-3f : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
