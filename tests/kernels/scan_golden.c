/* Scalar golden for kernels/gp/scan; test-only. Sums in 64 bits, checked to fit int32
 * (the spec's ranges keep them there), so the golden does not rely on wrapping. */
#include <stdio.h>
#include <stdlib.h>

#include "gp_golden.h"

void golden_scan(const int* x, int* y, int* total, long n)
{
  long long sum = 0;
  for (long i = 0; i < n; ++i) {
    y[i] = (int)sum;
    sum += x[i];
    if (sum != (int)sum) {
      fprintf(stderr, "golden_scan: the sum leaves int32; the spec's range is too wide\n");
      exit(2);
    }
  }
  *total = (int)sum;
}
