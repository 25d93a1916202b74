/* Planted wrong: tiles of 8 scanned correctly, but the carry into the next tile misses the
 * tile's last element (the exclusive value is carried instead of the inclusive one). */
void eok_scan_i32(const int* x, int* y, int* total, long n)
{
  int carry = 0;
  for (long t = 0; t < n; t += 8) {
    int s = carry;
    long end = t + 8 < n ? t + 8 : n;
    for (long i = t; i < end; ++i) {
      y[i] = s;
      s += x[i];
    }
    carry = y[end - 1];
  }
  *total = n > 0 ? y[n - 1] + x[n - 1] : 0;
}
