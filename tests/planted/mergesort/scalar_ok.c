/* Planted ok: a top-down recursive merge sort using the scratch buffers. */
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

void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  sort(keys, vals, tmp_k, tmp_v, n);
}
