// Planted (bias): correct, scalar. Must pass.
void eok_bias_f32(const float* x, const float* bias, float* y, long c, long h, long w)
{
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < h * w; ++i) {
      y[q * h * w + i] = x[q * h * w + i] + bias[q];
    }
  }
}
