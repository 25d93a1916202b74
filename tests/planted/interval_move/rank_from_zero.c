/* Planted wrong: the rank is the output index itself, not its distance from the
 * interval's start (right for the first interval only). */
void eok_interval_move_i32(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n)
{
  long i = 0;
  for (long k = 0; k < n; ++k) {
    while (i + 1 < m && seg[i + 1] <= k) i++;
    long at = src[i] + k;
    out[k] = at < nx ? x[at] : 0;
  }
}
