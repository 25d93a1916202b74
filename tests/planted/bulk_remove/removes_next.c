/* Planted wrong: an off-by-one, removes the element after each index. */
void eok_bulk_remove_i32(const int* x, long n, const int* idx, long m, int* y, int* flags)
{
  (void)flags;
  long r = 0, o = 0;
  for (long i = 0; i < n && o < n - m; ++i) {
    if (r < m && idx[r] + 1 == i) r++;
    else y[o++] = x[i];
  }
}
