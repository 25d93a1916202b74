/* Scalar golden for kernels/nn/convdw3x3s1, accumulated in double; test-only. */
#include "golden.h"

void golden_convdw3x3s1(const float* x, const float* k, const float* bias, double* y, long c,
                        long h, long w)
{
  const long outh = h - 2;
  const long outw = w - 2;
  for (long q = 0; q < c; ++q) {
    const float* img = x + q * h * w;
    const float* kq = k + q * 9;
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        double sum = bias[q];
        for (long di = 0; di < 3; ++di) {
          for (long dj = 0; dj < 3; ++dj) {
            sum += (double)kq[di * 3 + dj] * (double)img[(i + di) * w + (j + dj)];
          }
        }
        y[(q * outh + i) * outw + j] = sum;
      }
    }
  }
}
