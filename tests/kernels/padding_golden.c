/* Scalar golden for kernels/nn/padding; test-only. */
#include "golden.h"

/* Input coordinate for output coordinate o, or -1 for the constant border. */
static long from(long o, long pad, long n, long type)
{
  long i = o - pad;
  if (i >= 0 && i < n) {
    return i;
  }
  if (type == 0) {
    return -1;
  }
  if (type == 1) {
    return i < 0 ? 0 : n - 1;
  }
  return i < 0 ? -i : 2 * (n - 1) - i;
}

void golden_padding(const float* x, double* y, long c, long h, long w, long top, long bottom,
                    long left, long right, long type, double value)
{
  long outh = h + top + bottom, outw = w + left + right;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        long si = from(i, top, h, type), sj = from(j, left, w, type);
        long dst = (((q / 8) * outh + i) * outw + j) * 8 + q % 8;
        y[dst] = si < 0 || sj < 0 ? value : x[(((q / 8) * h + si) * w + sj) * 8 + q % 8];
      }
    }
  }
}
