/* Planted wrong: odd-even transposition passes that also swap equal keys (>=), so runs
 * of equal keys come out reordered. */
void eok_locality_sort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  (void)tmp_k; (void)tmp_v;
  for (long i = 0; i < n; ++i) { keys[i] = keys_in[i]; vals[i] = vals_in[i]; }
  for (long pass = 0; pass < n; ++pass) {
    int moved = 0;
    for (long i = pass % 2; i + 1 < n; i += 2) {
      if (keys[i] >= keys[i + 1] && (keys[i] > keys[i + 1] || pass < 2)) {
        int t = keys[i]; keys[i] = keys[i + 1]; keys[i + 1] = t;
        t = vals[i]; vals[i] = vals[i + 1]; vals[i + 1] = t;
        moved = 1;
      }
    }
    if (!moved && pass > 2) break;
  }
}
