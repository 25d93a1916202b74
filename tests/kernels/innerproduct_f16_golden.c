/* Scalar golden for kernels/nn/innerproduct_f16, in double on the fp16 inputs widened to
 * float (exact); the weight layout is the fp16 one (blocks of 16 outputs). Test-only. */
void golden_innerproduct_f16(const float* x, const float* w, const float* bias, double* y, long nin,
                             long nout);

void golden_innerproduct_f16(const float* x, const float* w, const float* bias, double* y, long nin,
                             long nout)
{
  const long full = nout / 16 * 16;
  for (long o = 0; o < nout; ++o) {
    double sum = bias[o];
    for (long i = 0; i < nin; ++i) {
      long at = o < full ? ((o / 16) * nin + i) * 16 + o % 16 : full * nin + (o - full) * nin + i;
      sum += (double)w[at] * (double)x[i];
    }
    y[o] = sum;
  }
}
