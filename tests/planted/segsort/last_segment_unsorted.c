/* Planted wrong: the last segment is taken to end at its start (seg[m] is not n), so it
 * is copied unsorted. */
void eok_segsort_i32(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp)
{
  (void)tmp;
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  for (long s = 0; s + 1 < m; ++s) {
    long start = seg[s], end = seg[s + 1];
    for (long i = start + 1; i < end; ++i) {
      int k = keys[i], v = vals[i];
      long j = i;
      while (j > start && keys[j - 1] > k) { keys[j] = keys[j - 1]; vals[j] = vals[j - 1]; --j; }
      keys[j] = k; vals[j] = v;
    }
  }
}
