/* Double-precision golden of kernels/nn/prelu_f16 on the planar image of x (the fp16 values
 * as floats, exact): y = x * slope where x < 0, else x (NaN and -0 pass through), exact: the
 * test maps a product past fp16's range to its infinity and the packed layout to planar. */
void golden_prelu_f16(const float* x, const float* slope, double* y, long c, long size,
                      long num_slope)
{
  for (long q = 0; q < c; ++q) {
    double s = num_slope > 1 ? (double)slope[q] : (double)slope[0];
    for (long i = 0; i < size; ++i) {
      double v = x[q * size + i];
      y[q * size + i] = v < 0 ? v * s : v;
    }
  }
}
