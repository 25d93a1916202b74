// Planted (innerproduct): a correct scalar version that sums in another order (bias last,
// i descending); must be ok (the tolerance admits any summation order).
void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout)
{
  const long full = nout / 8 * 8;
  for (long o = 0; o < nout; ++o) {
    float s = 0.0f;
    for (long i = nin - 1; i >= 0; --i) {
      long at = o < full ? ((o / 8) * nin + i) * 8 + o % 8 : full * nin + (o - full) * nin + i;
      s += w[at] * x[i];
    }
    y[o] = s + bias[o];
  }
}
