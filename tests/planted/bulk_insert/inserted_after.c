/* Planted wrong: inserts after b[idx[i]] instead of before it. */
void eok_bulk_insert_i32(const int* a, const int* idx, long m, const int* b, long n, int* y)
{
  long i = 0, j = 0, o = 0;
  while (i < m || j < n) {
    if (j >= n || (i < m && idx[i] < j)) y[o++] = a[i++];
    else y[o++] = b[j++];
  }
}
