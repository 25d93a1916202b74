/* Planted wrong: intervals copied from the last to the first (the order does not matter
 * for a correct copy), but an empty interval still copies one element, over the first
 * output of the interval after it. */
void eok_interval_move_i32(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n)
{
  (void)nx;
  for (long i = m - 1; i >= 0; --i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    long len = end - seg[i];
    if (len == 0 && seg[i] < n) len = 1;
    for (long r = 0; r < len; ++r) out[seg[i] + r] = x[src[i] + r];
  }
}
