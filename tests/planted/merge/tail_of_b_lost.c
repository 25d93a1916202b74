/* Planted wrong: stops when a runs out, so b's remaining elements are never copied. */
void eok_merge_i32(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv)
{
  long i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    if (ak[i] <= bk[j]) {
      ck[k] = ak[i];
      cv[k++] = av[i++];
    } else {
      ck[k] = bk[j];
      cv[k++] = bv[j++];
    }
  }
  while (i < na) {
    ck[k] = ak[i];
    cv[k++] = av[i++];
  }
}
