/* Planted wrong: an inclusive scan where the spec asks for the exclusive one. */
void eok_scan_i32(const int* x, int* y, int* total, long n)
{
  int s = 0;
  for (long i = 0; i < n; ++i) {
    s += x[i];
    y[i] = s;
  }
  *total = s;
}
