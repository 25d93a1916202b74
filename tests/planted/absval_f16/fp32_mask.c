// Planted (absval_f16): the fp32 trick (and each 32-bit word with 0x7fffffff) on fp16 data:
// only every second half's sign bit is cleared
void eok_absval_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i];
  }
  for (long i = 0; i + 1 < n; i += 2) {
    unsigned int w;
    __builtin_memcpy(&w, &y[i], 4);
    w &= 0x7fffffffu; // BUG: the fp32 sign mask; the even halves keep their sign
    __builtin_memcpy(&y[i], &w, 4);
  }
}
