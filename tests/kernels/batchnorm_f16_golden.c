/* Double-precision golden of kernels/nn/batchnorm_f16 on the planar image of x (the fp16
 * values as floats, exact): y = b[q] * x + a[q], exact; the test maps a result past fp16's
 * range to its infinity and the packed layout to planar. */
void golden_batchnorm_f16(const float* x, const float* a, const float* b, double* y, long c,
                          long size)
{
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[q * size + i] = (double)b[q] * (double)x[q * size + i] + (double)a[q];
    }
  }
}
