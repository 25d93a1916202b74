/* Planted ok: a plain scalar scan (any correct order of additions gives the same integers). */
void eok_scan_i32(const int* x, int* y, int* total, long n)
{
  unsigned s = 0;
  for (long i = 0; i < n; ++i) {
    y[i] = (int)s;
    s += (unsigned)x[i];
  }
  *total = (int)s;
}
