// Planted (gemm): reads b as if transB were set (b[j][l], n x k): the transposed-layout
// mistake. Right only where k = 1 or n = 1 and the strides coincide.
void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k)
{
  for (long i = 0; i < m; ++i) {
    for (long j = 0; j < n; ++j) {
      float s = c[i];
      for (long l = 0; l < k; ++l) {
        s += a[i * k + l] * b[j * k + l];
      }
      y[i * n + j] = s;
    }
  }
}
