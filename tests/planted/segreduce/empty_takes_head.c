/* Planted wrong: a segment always sums at least its head element, so an empty segment
 * reports x[seg[i]] (or 0 at the end) instead of 0. */
void eok_segreduce_i32(const int* x, long n, const int* seg, long m, int* y, int* scan)
{
  (void)scan;
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    int s = seg[i] < n ? x[seg[i]] : 0;
    for (long k = seg[i] + 1; k < end; ++k) s += x[k];
    y[i] = s;
  }
}
