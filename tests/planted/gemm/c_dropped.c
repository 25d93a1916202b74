// Planted (gemm): ignores C (beta taken as 0).
void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k)
{
  (void)c;
  for (long i = 0; i < m; ++i) {
    for (long j = 0; j < n; ++j) {
      float s = 0.0f;
      for (long l = 0; l < k; ++l) {
        s += a[i * k + l] * b[l * n + j];
      }
      y[i * n + j] = s;
    }
  }
}
