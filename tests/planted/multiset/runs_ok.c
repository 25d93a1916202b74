/* Planted ok: a scalar walk over runs of equal values (all four ops). */
void eok_multiset_i32(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op)
{
  (void)tmp;
  long i = 0, j = 0, n = 0;
  while (i < na || j < nb) {
    int v = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
    long ca = 0, cb = 0;
    while (i < na && a[i] == v) { i++; ca++; }
    while (j < nb && b[j] == v) { j++; cb++; }
    long t = op == 0 ? (ca > cb ? ca : cb) : op == 1 ? (ca < cb ? ca : cb) : op == 2 ? (ca > cb ? ca - cb : 0) : (ca > cb ? ca - cb : cb - ca);
    while (t-- > 0) out[n++] = v;
  }
  *count = n;
}
