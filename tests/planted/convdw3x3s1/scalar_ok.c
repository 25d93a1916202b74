// Planted (convdw3x3s1): a correct scalar version that sums the taps in another order
// (row-major, bias last); must be ok (the tolerance admits any summation order).
void eok_convdw3x3s1_f32(const float* x, const float* k, const float* bias, float* y, long c,
                         long h, long w)
{
  const long outh = h - 2;
  const long outw = w - 2;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        float s = 0.0f;
        for (long di = 0; di < 3; ++di) {
          for (long dj = 0; dj < 3; ++dj) {
            s += k[q * 9 + di * 3 + dj] * x[(q * h + i + di) * w + j + dj];
          }
        }
        y[(q * outh + i) * outw + j] = s + bias[q];
      }
    }
  }
}
