// Planted (innerproduct): forgets the bias (a bias_term = 0 layer run on a biased model).
void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout)
{
  (void)bias;
  const long full = nout / 8 * 8;
  for (long o = 0; o < nout; ++o) {
    float s = 0.0f;
    for (long i = 0; i < nin; ++i) {
      long at = o < full ? ((o / 8) * nin + i) * 8 + o % 8 : full * nin + (o - full) * nin + i;
      s += w[at] * x[i];
    }
    y[o] = s;
  }
}
