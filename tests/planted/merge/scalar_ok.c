/* Planted ok: a scalar merge written from the back (same stable result). */
void eok_merge_i32(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv)
{
  long i = na - 1, j = nb - 1;
  for (long k = na + nb - 1; k >= 0; --k) {
    if (i < 0 || (j >= 0 && bk[j] >= ak[i])) {
      ck[k] = bk[j];
      cv[k] = bv[j--];
    } else {
      ck[k] = ak[i];
      cv[k] = av[i--];
    }
  }
}
