/* Planted wrong: bottom-up passes that skip a last run without a partner, so when n is
 * not a power of two its tail is never merged in (and, in the final pass, never copied). */
void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  for (long w = 1; w < n; w *= 2) {
    for (long s = 0; s + 2 * w <= n; s += 2 * w) {
      long i = s, j = s + w, o = 0;
      while (i < s + w || j < s + 2 * w) {
        if (j >= s + 2 * w || (i < s + w && keys[i] <= keys[j])) { tmp_k[o] = keys[i]; tmp_v[o++] = vals[i++]; }
        else { tmp_k[o] = keys[j]; tmp_v[o++] = vals[j++]; }
      }
      for (long x = 0; x < 2 * w; ++x) { keys[s + x] = tmp_k[x]; vals[s + x] = tmp_v[x]; }
    }
  }
}
