// Planted (flatten): a plain scalar loop with the same semantics; must be ok.
void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack)
{
  long size = h * w;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[q * size + i] = elempack == 8 ? x[((q / 8) * size + i) * 8 + q % 8] : x[q * size + i];
    }
  }
}
