/* Planted ok: each segment sorted by its own top-down merge sort in the scratch buffer. */
static void sort(int* k, int* v, int* tk, int* tv, long n)
{
  if (n < 2) return;
  long h = n / 2;
  sort(k, v, tk, tv, h);
  sort(k + h, v + h, tk, tv, n - h);
  long i = 0, j = h, o = 0;
  while (i < h || j < n) {
    if (j >= n || (i < h && k[i] <= k[j])) { tk[o] = k[i]; tv[o++] = v[i++]; }
    else { tk[o] = k[j]; tv[o++] = v[j++]; }
  }
  for (long x = 0; x < n; ++x) { k[x] = tk[x]; v[x] = tv[x]; }
}

void eok_segsort_i32(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp)
{
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  for (long s = 0; s < m; ++s) {
    long start = seg[s], end = s + 1 < m ? seg[s + 1] : n;
    sort(keys + start, vals + start, tmp, tmp + n, end - start);
  }
}
