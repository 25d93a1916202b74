/* Planted ok: the flag array in scratch, then a scalar compaction. */
void eok_bulk_remove_i32(const int* x, long n, const int* idx, long m, int* y, int* flags)
{
  for (long i = 0; i < n; ++i) flags[i] = 0;
  for (long r = 0; r < m; ++r) flags[idx[r]] = 1;
  long o = 0;
  for (long i = 0; i < n; ++i)
    if (!flags[i]) y[o++] = x[i];
}
