// Planted (packing): a plain scalar loop with the same semantics; must be ok.
static long at(long q, long i, long size, long p)
{
  return ((q / p) * size + i) * p + q % p;
}

void eok_packing_f32(const float* x, float* y, long c, long h, long w, long in_pack,
                     long out_pack)
{
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < h * w; ++i) {
      y[at(q, i, h * w, out_pack)] = x[at(q, i, h * w, in_pack)];
    }
  }
}
