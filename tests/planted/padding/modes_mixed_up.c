// Planted (padding): types 1 and 2 swapped (replicate when asked to reflect and
// the other way round).
static long from(long o, long pad, long n, long type)
{
  long i = o - pad;
  if (i >= 0 && i < n) {
    return i;
  }
  if (type == 0) {
    return -1;
  }
  if (type == 1) {
    return i < 0 ? 0 : n - 1;
  }
  return i < 0 ? -i : 2 * (n - 1) - i;
}

void eok_padding_f32(const float* x, float* y, long c, long h, long w, long top, long bottom,
                     long left, long right, long type, float value)
{
  type = type == 0 ? 0 : 3 - type;
  long outh = h + top + bottom, outw = w + left + right;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        long si = from(i, top, h, type), sj = from(j, left, w, type);
        y[(((q / 8) * outh + i) * outw + j) * 8 + q % 8] =
            si < 0 || sj < 0 ? value : x[(((q / 8) * h + si) * w + sj) * 8 + q % 8];
      }
    }
  }
}
