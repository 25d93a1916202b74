/* Planted wrong: advances at most one segment per item, so after an empty segment the
 * items are given to the empty one. */
void eok_lbs_i32(const int* seg, long m, int* owner, long n)
{
  long i = 0;
  for (long k = 0; k < n; ++k) {
    if (i + 1 < m && seg[i + 1] <= k) i++;
    owner[k] = (int)i;
  }
}
