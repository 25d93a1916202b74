/* Planted wrong: sorts the input buffers in place (an insertion sort), then copies them:
 * the outputs are right but an input changed. */
void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  int* k = (int*)keys_in;
  int* v = (int*)vals_in;
  (void)tmp_k; (void)tmp_v;
  for (long i = 1; i < n; ++i) {
    int kk = k[i], vv = v[i];
    long j = i;
    while (j > 0 && k[j - 1] > kk) { k[j] = k[j - 1]; v[j] = v[j - 1]; --j; }
    k[j] = kk; v[j] = vv;
  }
  for (long i = 0; i < n; ++i) { keys[i] = k[i]; vals[i] = v[i]; }
}
