/* Planted wrong: the last segment is summed up to n - 1 (an off-by-one at the end). */
void eok_segreduce_i32(const int* x, long n, const int* seg, long m, int* y, int* scan)
{
  (void)scan;
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n - 1;
    int s = 0;
    for (long k = seg[i]; k < end; ++k) s += x[k];
    y[i] = s;
  }
}
