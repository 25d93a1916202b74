// Planted (conv1d_f16): NCNN's fp16sa arithmetic where this task widens: the sums are kept
// in fp16 (bias rounded to fp16 first), losing ~2^-12 of the partial sum per add: several
// ulps over c*ks = 120 terms.
void eok_conv1d_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c,
                    long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long p = 0; p < ocg; ++p) {
    for (long l = 0; l < 16; ++l) {
      for (long j = 0; j < outw; ++j) {
        _Float16 sum = (_Float16)bias[p * 16 + l];
        for (long k = 0; k < ks; ++k) {
          for (long q = 0; q < c; ++q) {
            sum += wt[((p * c + q) * ks + k) * 16 + l] * x[q * w + j * s + k * d];
          }
        }
        y[(p * outw + j) * 16 + l] = sum;
      }
    }
  }
}
