/* Planted wrong: the last segment is taken to end at its own start (seg[m] not n). */
void eok_interval_expand_i32(const int* seg, const int* vals, long m, int* out, long n)
{
  for (long i = 0; i + 1 < m; ++i)
    for (long k = seg[i]; k < seg[i + 1]; ++k) out[k] = vals[i];
  for (long k = m > 0 ? seg[m - 1] : 0; k < n; ++k) out[k] = 0;
}
