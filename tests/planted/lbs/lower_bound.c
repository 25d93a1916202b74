/* Planted wrong: a lower-bound search (first start >= k) instead of the last start <= k:
 * an item that starts a segment goes to the previous one. */
void eok_lbs_i32(const int* seg, long m, int* owner, long n)
{
  for (long k = 0; k < n; ++k) {
    long lo = 0, hi = m;
    while (lo < hi) {
      long mid = (lo + hi) / 2;
      if (seg[mid] < k) lo = mid + 1; else hi = mid;
    }
    owner[k] = (int)(lo > 0 ? lo - 1 : 0);
  }
}
