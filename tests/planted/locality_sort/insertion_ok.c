/* Planted ok: insertion sort, the classic for nearly sorted input (stable). */
void eok_locality_sort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  (void)tmp_k; (void)tmp_v;
  for (long i = 0; i < n; ++i) {
    int k = keys_in[i], v = vals_in[i];
    long j = i;
    while (j > 0 && keys[j - 1] > k) { keys[j] = keys[j - 1]; vals[j] = vals[j - 1]; --j; }
    keys[j] = k; vals[j] = v;
  }
}
