/* Planted ok: one sweep over items advancing the segment (moderngpu's serial search). */
void eok_lbs_i32(const int* seg, long m, int* owner, long n)
{
  long i = 0;
  for (long k = 0; k < n; ++k) {
    while (i + 1 < m && seg[i + 1] <= k) i++;
    owner[k] = (int)i;
  }
}
