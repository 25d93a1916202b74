/* Planted wrong: ignores the segments and sorts the whole array (stable insertion sort). */
void eok_segsort_i32(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp)
{
  (void)seg; (void)m; (void)tmp;
  for (long i = 0; i < n; ++i) {
    int k = keys_in[i], v = vals_in[i];
    long j = i;
    while (j > 0 && keys[j - 1] > k) { keys[j] = keys[j - 1]; vals[j] = vals[j - 1]; --j; }
    keys[j] = k; vals[j] = v;
  }
}
