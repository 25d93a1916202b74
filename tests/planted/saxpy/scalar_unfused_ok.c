// Planted (saxpy): a correct scalar version that rounds a * x before adding y (two
// statements, so the compiler does not contract them into a fused multiply-add); must be
// ok: the spec's tolerance admits unfused candidates.
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  for (long i = 0; i < n; ++i) {
    volatile float p = a * x[i];
    y[i] = p + y[i];
  }
}
