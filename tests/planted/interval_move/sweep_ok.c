/* Planted ok: one sweep over outputs advancing the interval. */
void eok_interval_move_i32(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n)
{
  (void)nx;
  long i = 0;
  for (long k = 0; k < n; ++k) {
    while (i + 1 < m && seg[i + 1] <= k) i++;
    out[k] = x[src[i] + (k - seg[i])];
  }
}
