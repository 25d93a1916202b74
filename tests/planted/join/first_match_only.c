/* Planted wrong: each a key is paired with its first equal b key only (duplicates in b
 * dropped). */
void eok_join_i32(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp)
{
  (void)tmp;
  long n = 0, j = 0;
  for (long i = 0; i < na; ++i) {
    while (j < nb && b[j] < a[i]) j++;
    if (j < nb && b[j] == a[i] && n < cap) { ai[n] = (int)i; bi[n++] = (int)j; }
  }
  *count = n;
}
