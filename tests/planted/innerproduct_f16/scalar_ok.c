// Planted (innerproduct_f16): a plain scalar port that widens every product into an fp32 sum
// in a different order from ker0 (sum of products first, bias last); right, within the
// one-ulp rounding the tolerance allows.
void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout)
{
  const long full = nout / 16 * 16;
  for (long o = 0; o < nout; ++o) {
    float s = 0.f;
    for (long i = 0; i < nin; ++i) {
      long at = o < full ? ((o / 16) * nin + i) * 16 + o % 16 : full * nin + (o - full) * nin + i;
      s += (float)w[at] * (float)x[i];
    }
    y[o] = (_Float16)(s + bias[o]);
  }
}
