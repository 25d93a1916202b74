// Planted (convdw): accumulates in fp16, as an fp16-arithmetic kernel would.
void eok_convdw_f32(const float* x, const float* k, const float* bias, float* y, long cg, long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 8; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          _Float16 sum = (_Float16)bias[g * 8 + l];
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              long at = ((g * h + i * s + ky * d) * w + j * s + kx * d) * 8 + l;
              sum = (_Float16)(sum + (_Float16)(k[((g * ks + ky) * ks + kx) * 8 + l] * x[at]));
            }
          }
          y[((g * outh + i) * outw + j) * 8 + l] = (float)(sum);
        }
      }
    }
  }
}
