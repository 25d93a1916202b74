// Planted (relu, measurement integrity): the end marker as a data word in the code
// (objdump shows `.word`, not an instruction). Must be rejected.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  __asm__ volatile(".word 0x00202013");
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
