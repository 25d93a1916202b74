/* Double-precision golden of kernels/nn/bias_f16: y = x + bias[q] over channel q's plane,
 * exact (the test passes the fp16 values as floats and the bias rounded to fp16, as the
 * layer adds it). */
void golden_bias_f16(const float* x, const float* bias, double* y, long c, long size)
{
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[q * size + i] = (double)x[q * size + i] + (double)bias[q];
    }
  }
}
