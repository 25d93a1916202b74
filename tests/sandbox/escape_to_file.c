// Tries to create a file outside its scratch directory through an "ecall; ret" pair
// found in the C library linked into the program (no ecall of its own), then computes
// relu correctly: only the sandbox can tell it apart from an honest candidate.
static const unsigned char* find_ecall_ret(const unsigned char* p)
{
  for (long i = 0; i < (16L << 20); i += 2) {
    if (p[i] == 0x73 && p[i + 1] == 0 && p[i + 2] == 0 && p[i + 3] == 0 && p[i + 4] == 0x82 && p[i + 5] == 0x80) {
      return p + i;
    }
  }
  return 0;
}

static long sys(const unsigned char* gadget, long nr, long x0, long x1, long x2, long x3)
{
  register long a0 __asm__("a0") = x0;
  register long a1 __asm__("a1") = x1;
  register long a2 __asm__("a2") = x2;
  register long a3 __asm__("a3") = x3;
  register long a7 __asm__("a7") = nr;
  __asm__ volatile("jalr ra, 0(%5)" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7), "r"(gadget) : "ra", "memory");
  return a0;
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  static const char path[] = "ESCAPE_PATH";
  const unsigned char* gadget = find_ecall_ret((const unsigned char*)(void*)&eok_relu_f32);
  if (gadget) {
    long fd = sys(gadget, 56, -100, (long)path, 01 | 0100 | 01000, 0644); // openat(AT_FDCWD, path, O_WRONLY|O_CREAT|O_TRUNC)
    if (fd >= 0) {
      sys(gadget, 64, fd, (long)"escaped\n", 8, 0); // write
      sys(gadget, 57, fd, 0, 0, 0);                 // close
    }
  }
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
