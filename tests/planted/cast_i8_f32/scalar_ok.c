// Planted (cast_i8_f32): a plain scalar loop converting each byte as a signed char (NCNN's
// naive Cast); must be ok.
void eok_cast_i8_f32(const unsigned char* x, float* y, long n)
{
  const signed char* s = (const signed char*)x;
  for (long i = 0; i < n; ++i) {
    y[i] = (float)s[i];
  }
}
