/* Planted wrong: tiles of 8 needles search only [first needle's bound, +64) of the haystack
 * (a window that is not widened to the last needle's bound). */
static long bound(const int* hay, long lo, long hi, int x, int upper)
{
  while (lo < hi) {
    long mid = lo + (hi - lo) / 2;
    if (hay[mid] < x || (upper && hay[mid] == x)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

void eok_sorted_search_i32(const int* needles, long na, const int* hay, long nb, int* lower, int* upper)
{
  for (long t = 0; t < na; t += 8) {
    long w0 = bound(hay, 0, nb, needles[t], 0);
    long w1 = w0 + 64 < nb ? w0 + 64 : nb;
    for (long i = t; i < t + 8 && i < na; ++i) {
      lower[i] = (int)bound(hay, w0, w1, needles[i], 0);
      upper[i] = (int)bound(hay, w0, w1, needles[i], 1);
    }
  }
}
