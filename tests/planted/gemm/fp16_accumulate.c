// Planted (gemm): accumulates in fp16, as an fp16-arithmetic kernel would.
void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k)
{
  for (long i = 0; i < m; ++i) {
    for (long j = 0; j < n; ++j) {
      _Float16 s = (_Float16)c[i];
      for (long l = 0; l < k; ++l) {
        s = (_Float16)(s + (_Float16)(a[i * k + l] * b[l * n + j]));
      }
      y[i * n + j] = (float)s;
    }
  }
}
