// Planted (relu): a raw system call hidden from the disassembler as data (`.word`):
// write(2, ...) through the ecall encoding. Must be rejected by the object-bytes check.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  static const char msg[] = "hello from a raw ecall\n";
  register long a0 __asm__("a0") = 2;
  register const char* a1 __asm__("a1") = msg;
  register long a2 __asm__("a2") = sizeof msg - 1;
  register long a7 __asm__("a7") = 64;
  __asm__ volatile(".word 0x00000073" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
