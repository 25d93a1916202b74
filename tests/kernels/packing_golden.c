/* Scalar golden for kernels/nn/packing; test-only. */
#include "golden.h"

/* Index of channel q, pixel i in a blob of `size` pixels per channel packed by p. */
static long packed_index(long q, long i, long size, long p)
{
  return ((q / p) * size + i) * p + q % p;
}

void golden_packing(const float* x, double* y, long c, long h, long w, long in_pack,
                    long out_pack)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[packed_index(q, i, size, out_pack)] = x[packed_index(q, i, size, in_pack)];
    }
  }
}
