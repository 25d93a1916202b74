/* Planted ok: one merge-like sweep (moderngpu's serial formulation). */
void eok_sorted_search_i32(const int* needles, long na, const int* hay, long nb, int* lower, int* upper)
{
  long lo = 0, up = 0;
  for (long i = 0; i < na; ++i) {
    while (lo < nb && hay[lo] < needles[i]) lo++;
    if (up < lo) up = lo;
    while (up < nb && hay[up] <= needles[i]) up++;
    lower[i] = (int)lo;
    upper[i] = (int)up;
  }
}
