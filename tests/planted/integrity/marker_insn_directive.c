// Planted (relu, measurement integrity): the begin marker built with the assembler's
// .insn directive (an I-type with opcode 0x13, funct3 2: slti x0,x0,1). Must be rejected.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  __asm__ volatile(".insn i 0x13, 2, x0, x0, 1");
}
