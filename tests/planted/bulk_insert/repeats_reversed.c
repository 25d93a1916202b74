/* Planted wrong: items inserted at the same index come out in reverse order. */
void eok_bulk_insert_i32(const int* a, const int* idx, long m, const int* b, long n, int* y)
{
  long i = 0, o = 0;
  for (long j = 0; j <= n; ++j) {
    long start = i;
    while (i < m && idx[i] == j) i++;
    for (long r = i; r > start; --r) y[o++] = a[r - 1];
    if (j < n) y[o++] = b[j];
  }
}
