/* Planted wrong: trusts the scratch buffer to start zeroed (it holds garbage). */
void eok_bulk_remove_i32(const int* x, long n, const int* idx, long m, int* y, int* flags)
{
  for (long r = 0; r < m; ++r) flags[idx[r]] = 1;
  long o = 0;
  for (long i = 0; i < n && o < n - m; ++i)
    if (flags[i] == 0) y[o++] = x[i];
}
