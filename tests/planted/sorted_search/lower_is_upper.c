/* Planted wrong: both outputs are the upper bound; right only where a needle is absent. */
void eok_sorted_search_i32(const int* needles, long na, const int* hay, long nb, int* lower, int* upper)
{
  long up = 0;
  for (long i = 0; i < na; ++i) {
    while (up < nb && hay[up] <= needles[i]) up++;
    lower[i] = upper[i] = (int)up;
  }
}
