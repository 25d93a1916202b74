// Planted: one path for every slope, NCNN's scalar `if (x < 0) x *= slope`: at slope 0 NaN
// passes and -inf * 0 is NaN where ker0 (vfmax) gives 0.
void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] < 0.f ? x[i] * slope : x[i];
  }
}
