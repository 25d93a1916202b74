/* Planted wrong: a heap sort, correct keys but equal keys lose their input order. */
static void sift(int* k, int* v, long i, long n)
{
  for (;;) {
    long c = 2 * i + 1;
    if (c >= n) return;
    if (c + 1 < n && k[c + 1] > k[c]) c++;
    if (k[i] >= k[c]) return;
    int t = k[i]; k[i] = k[c]; k[c] = t;
    t = v[i]; v[i] = v[c]; v[c] = t;
    i = c;
  }
}

void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  (void)tmp_k; (void)tmp_v;
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  for (long i = n / 2 - 1; i >= 0; --i) sift(keys, vals, i, n);
  for (long e = n - 1; e > 0; --e) {
    int t = keys[0]; keys[0] = keys[e]; keys[e] = t;
    t = vals[0]; vals[0] = vals[e]; vals[e] = t;
    sift(keys, vals, 0, e);
  }
}
