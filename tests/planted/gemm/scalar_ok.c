// Planted (gemm): a correct scalar i-l-j loop (C added last); must be ok (the tolerance
// admits any summation order).
void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k)
{
  for (long i = 0; i < m; ++i) {
    for (long j = 0; j < n; ++j) {
      y[i * n + j] = 0.0f;
    }
    for (long l = 0; l < k; ++l) {
      for (long j = 0; j < n; ++j) {
        y[i * n + j] += a[i * k + l] * b[l * n + j];
      }
    }
    for (long j = 0; j < n; ++j) {
      y[i * n + j] += c[i];
    }
  }
}
