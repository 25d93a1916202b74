/* Planted ok: one pass over x, emitting a sum at each segment end (empty ones give 0). */
void eok_segreduce_i32(const int* x, long n, const int* seg, long m, int* y, int* scan)
{
  (void)scan;
  long k = 0;
  for (long i = 0; i < m; ++i) {
    long end = i + 1 < m ? seg[i + 1] : n;
    int s = 0;
    for (; k < end; ++k) s += x[k];
    y[i] = s;
  }
}
