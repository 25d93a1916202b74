// Planted: a system call of its own (write to stdout) through inline assembly.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  register long a0 __asm__("a0") = 1;
  register const char* a1 __asm__("a1") = "hi\n";
  register long a2 __asm__("a2") = 3;
  register long a7 __asm__("a7") = 64;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
