/* Planted wrong: treats the inputs as sets (a value present on one side only, once),
 * dropping the duplicates a multiset keeps. */
void eok_multiset_i32(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op)
{
  (void)tmp;
  long i = 0, j = 0, n = 0;
  while (i < na || j < nb) {
    int v = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
    int in_a = 0, in_b = 0;
    while (i < na && a[i] == v) { i++; in_a = 1; }
    while (j < nb && b[j] == v) { j++; in_b = 1; }
    int keep = op == 0 ? 1 : op == 1 ? in_a && in_b : op == 2 ? in_a && !in_b : in_a != in_b;
    if (keep) out[n++] = v;
  }
  *count = n;
}
