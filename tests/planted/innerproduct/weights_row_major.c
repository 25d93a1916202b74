// Planted (innerproduct): reads the weights as NCNN's model layout W[o][i] (row-major), not
// the packed blocks of 8 outputs its pipeline made: the transposed-layout mistake. Right
// only where nout < 8 (no full block) or nin = 1.
void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout)
{
  for (long o = 0; o < nout; ++o) {
    float s = bias[o];
    for (long i = 0; i < nin; ++i) {
      s += w[o * nin + i] * x[i];
    }
    y[o] = s;
  }
}
