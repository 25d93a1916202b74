/* Planted wrong: the scan is right but the reduction only sums whole tiles of 8. */
void eok_scan_i32(const int* x, int* y, int* total, long n)
{
  int s = 0, whole = 0;
  for (long i = 0; i < n; ++i) {
    y[i] = s;
    s += x[i];
    if (i % 8 == 7) whole = s;
  }
  *total = whole;
}
