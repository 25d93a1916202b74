// Planted (packing): 4->8 and 8->4 put the two pack-4 halves of a pack-8 group the wrong way
// round (channels 8g+4..8g+7 first); the other conversions are right.
static long at(long q, long i, long size, long p)
{
  return ((q / p) * size + i) * p + q % p;
}

void eok_packing_f32(const float* x, float* y, long c, long h, long w, long in_pack,
                     long out_pack)
{
  int mixed = (in_pack == 4 && out_pack == 8) || (in_pack == 8 && out_pack == 4);
  for (long q = 0; q < c; ++q) {
    long src = mixed ? (q ^ 4) : q;
    for (long i = 0; i < h * w; ++i) {
      y[at(q, i, h * w, out_pack)] = x[at(src, i, h * w, in_pack)];
    }
  }
}
