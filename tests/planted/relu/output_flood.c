// Planted (relu): floods stderr. No static check can stop this one: it has no ecall and
// calls nothing outside the allow-list, but it finds an "ecall; ret" pair in the C library
// linked into the program (it scans forward from its own code, which the linker places
// before the library) and jumps there with the registers of write(2, buf, 4096), 64 times.
// What stops it is the evaluator's per-stream output cap: verdict output_limit.
static const unsigned char* find_ecall_ret(const unsigned char* p)
{
  for (long i = 0; i < (16L << 20); i += 2) {
    if (p[i] == 0x73 && p[i + 1] == 0 && p[i + 2] == 0 && p[i + 3] == 0 && p[i + 4] == 0x82 && p[i + 5] == 0x80) {
      return p + i;
    }
  }
  return 0;
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  char line[4096];
  const unsigned char* gadget = find_ecall_ret((const unsigned char*)(void*)&eok_relu_f32);
  for (long i = 0; i < (long)sizeof line; ++i) {
    line[i] = i % 64 == 63 ? '\n' : 'A' + (char)(i % 26);
  }
  for (int k = 0; gadget && k < 64; ++k) {
    register long a0 __asm__("a0") = 2;
    register const char* a1 __asm__("a1") = line;
    register long a2 __asm__("a2") = sizeof line;
    register long a7 __asm__("a7") = 64;
    __asm__ volatile("jalr ra, 0(%4)"
                     : "+r"(a0)
                     : "r"(a1), "r"(a2), "r"(a7), "r"(gadget)
                     : "ra", "memory");
  }
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
