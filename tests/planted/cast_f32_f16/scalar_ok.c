// Planted (cast_f32_f16): a plain scalar loop with the compiler's fp32 -> fp16 conversion
// (fcvt.h.s, round to nearest even); must be ok.
void eok_cast_f32_f16(const float* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (_Float16)x[i];
  }
}
