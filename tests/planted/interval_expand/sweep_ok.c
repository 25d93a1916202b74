/* Planted ok: one sweep over outputs advancing the segment. */
void eok_interval_expand_i32(const int* seg, const int* vals, long m, int* out, long n)
{
  long i = 0;
  for (long k = 0; k < n; ++k) {
    while (i + 1 < m && seg[i + 1] <= k) i++;
    out[k] = vals[i];
  }
}
