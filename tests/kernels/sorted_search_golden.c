/* Scalar golden for kernels/gp/sorted_search: the textbook binary searches per needle;
 * test-only. */
#include "gp_golden.h"

static long first_index(const int* hay, long nb, int x, int upper)
{
  long lo = 0, hi = nb; /* invariant: hay[< lo] before x, hay[>= hi] not */
  while (lo < hi) {
    long mid = lo + (hi - lo) / 2;
    int before = upper ? hay[mid] <= x : hay[mid] < x;
    if (before) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

void golden_sorted_search(const int* needles, long na, const int* hay, long nb, int* lower, int* upper)
{
  for (long i = 0; i < na; ++i) {
    lower[i] = (int)first_index(hay, nb, needles[i], 0);
    upper[i] = (int)first_index(hay, nb, needles[i], 1);
  }
}
