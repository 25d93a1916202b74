// Planted (concat): axis 2 writes each input's columns as a block per channel, as axis 1
// does with rows: the inputs are not interleaved row by row.
static long at(long q, long r, long x, long h, long w, long pack)
{
  return (((q / pack) * h + r) * w + x) * pack + q % pack;
}

void eok_concat_f32(const float* a, const float* b, const float* c, float* y, long k, long axis,
                    long ch, long h, long w, long pack, long ea, long eb, long ec, long an,
                    long bn, long cn)
{
  (void)an;
  (void)bn;
  (void)cn;
  const float* in[3] = {a, b, c};
  long e[3] = {ea, eb, ec};
  long total = 0;
  for (long i = 0; i < k; ++i) {
    total += e[i];
  }
  long oc = axis == 0 ? total : ch, oh = axis == 1 ? total : h, ow = axis == 2 ? total : w;
  long opack = axis == 0 ? (total % 8 == 0 ? 8 : 1) : pack;
  for (long q = 0; q < oc; ++q) {
    for (long r = 0; r < oh; ++r) {
      for (long x = 0; x < ow; ++x) {
        long pos = axis == 0 ? q : axis == 1 ? r : x;
        long i = 0;
        while (pos >= e[i]) {
          pos -= e[i++];
        }
        long iq = axis == 0 ? pos : q, ir = axis == 1 ? pos : r, ix = axis == 2 ? pos : x;
        long ih = axis == 1 ? e[i] : h, iw = axis == 2 ? e[i] : w;
        y[axis == 2 ? ((q / opack) * oh * ow + (i == 0 ? 0 : e[0]) * oh + (i == 2 ? e[1] * oh : 0) + r * e[i] + ix) * opack + q % opack : at(q, r, x, oh, ow, opack)] = in[i][at(iq, ir, ix, ih, iw, pack)];
      }
    }
  }
}
