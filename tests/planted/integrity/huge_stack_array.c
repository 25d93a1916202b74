// Planted (relu, board limits): a 3 GiB scratch array on the stack. Under plain QEMU it may
// land on mapped memory; a board with an 8 MiB stack crashes. crashed, "stack overflow".
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  volatile float scratch[(3L << 30) / 4];
  for (long i = 0; i < n; ++i) {
    scratch[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  for (long i = 0; i < n; ++i) {
    y[i] = scratch[i];
  }
}
