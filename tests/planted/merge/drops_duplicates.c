/* Planted wrong: a key equal to the one just written is skipped (a set union, not a
 * merge); the tail of the output is left as it was. */
void eok_merge_i32(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv)
{
  long i = 0, j = 0, k = 0;
  while (i < na || j < nb) {
    int take_a = j >= nb || (i < na && ak[i] <= bk[j]);
    int key = take_a ? ak[i] : bk[j];
    int val = take_a ? av[i++] : bv[j++];
    if (k > 0 && ck[k - 1] == key) continue;
    ck[k] = key;
    cv[k++] = val;
  }
}
