// Planted (innerproduct_f16): reads the weights in the fp32 task's layout (blocks of 8
// outputs, fp32 packn at VLEN 256) instead of fp16's blocks of 16: the elempack carried over
// from the fp32 port. Right only where no block of 16 exists (nout < 16) or nin = 1.
void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout)
{
  const long full = nout / 16 * 16;
  for (long o = 0; o < nout; ++o) {
    float s = bias[o];
    for (long i = 0; i < nin; ++i) {
      long at = o < full ? ((o / 8) * nin + i) * 8 + o % 8 : full * nin + (o - full) * nin + i;
      s += (float)w[at] * (float)x[i];
    }
    y[o] = (_Float16)s;
  }
}
