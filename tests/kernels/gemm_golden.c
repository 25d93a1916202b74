/* Scalar golden for kernels/nn/gemm, accumulated in double; test-only. */
#include "golden_compute.h"

void golden_gemm(const float* a, const float* b, const float* c, double* y, long m, long n, long k)
{
  for (long i = 0; i < m; ++i) {
    for (long j = 0; j < n; ++j) {
      double sum = c[i];
      for (long l = 0; l < k; ++l) {
        sum += (double)a[i * k + l] * (double)b[l * n + j];
      }
      y[i * n + j] = sum;
    }
  }
}
