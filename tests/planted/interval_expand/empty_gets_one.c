/* Planted wrong: every segment writes at least one value (count 0 treated as 1), which
 * shifts everything after an empty segment; writes stop at n. */
void eok_interval_expand_i32(const int* seg, const int* vals, long m, int* out, long n)
{
  long k = 0;
  for (long i = 0; i < m && k < n; ++i) {
    long count = (i + 1 < m ? seg[i + 1] : n) - seg[i];
    if (count == 0) count = 1;
    for (long c = 0; c < count && k < n; ++c) out[k++] = vals[i];
  }
  while (k < n) out[k++] = 0;
}
