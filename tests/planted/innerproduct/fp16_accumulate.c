// Planted (innerproduct): accumulates in fp16 (as an fp16-arithmetic port would), losing
// about 2^-11 of the partial sum per add.
void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout)
{
  const long full = nout / 8 * 8;
  for (long o = 0; o < nout; ++o) {
    _Float16 s = (_Float16)bias[o];
    for (long i = 0; i < nin; ++i) {
      long at = o < full ? ((o / 8) * nin + i) * 8 + o % 8 : full * nin + (o - full) * nin + i;
      s = (_Float16)(s + (_Float16)(w[at] * x[i]));
    }
    y[o] = (float)s;
  }
}
