// Planted (cast_f16_f32): a plain scalar loop with the compiler's fp16 -> fp32 conversion
// (fcvt.s.h, exact); must be ok.
void eok_cast_f16_f32(const _Float16* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (float)x[i];
  }
}
