// Planted (relu, measurement integrity): the end marker's bytes straddle two real
// instructions, `addi a0, t1, 0x201` (0x20130513) and a compressed `c.addi4spn` (0x0020):
// the disassembly shows no slti, but a jump to offset 2 of that pair executes
// 0x00202013. Must be rejected (raw bytes are scanned at every 2-byte offset).
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
  if (n < 0) {
    __asm__ volatile(".4byte 0x20130513\n.2byte 0x0020" ::: "a0", "s0");
  }
}
