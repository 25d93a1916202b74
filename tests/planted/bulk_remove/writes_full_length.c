/* Planted wrong: pads y to n elements, writing past its n - m. */
void eok_bulk_remove_i32(const int* x, long n, const int* idx, long m, int* y, int* flags)
{
  (void)flags;
  long r = 0, o = 0;
  for (long i = 0; i < n; ++i) {
    if (r < m && idx[r] == i) r++;
    else y[o++] = x[i];
  }
  while (o < n) y[o++] = 0;
}
