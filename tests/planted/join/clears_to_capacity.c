/* Planted wrong: clears ai and bi up to cap first, writing past the reported count. */
void eok_join_i32(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp)
{
  (void)tmp;
  for (long k = 0; k < cap; ++k) ai[k] = bi[k] = -1;
  long n = 0;
  for (long i = 0; i < na; ++i)
    for (long j = 0; j < nb && n < cap; ++j)
      if (a[i] == b[j]) { ai[n] = (int)i; bi[n++] = (int)j; }
  *count = n;
}
