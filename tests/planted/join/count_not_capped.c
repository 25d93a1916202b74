/* Planted wrong: writes at most cap pairs but reports the full number of matches. */
void eok_join_i32(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp)
{
  (void)tmp;
  long n = 0;
  for (long i = 0; i < na; ++i)
    for (long j = 0; j < nb; ++j)
      if (a[i] == b[j]) {
        if (n < cap) { ai[n] = (int)i; bi[n] = (int)j; }
        n++;
      }
  *count = n;
}
