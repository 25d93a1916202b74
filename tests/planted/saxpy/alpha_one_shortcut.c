// Planted (saxpy): treats a == 1 and a == -1 as y +/- x, but drops the multiply for every
// other |a| <= 1 as well (a common slip when special-casing alphas). Must be wrong_output on
// the random alpha or never; with the spec's values it is caught at a = 0 (0 * x is not x).
void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  if (a >= -1 && a <= 1) {
    float s = a < 0 ? -1.0f : 1.0f;
    for (long i = 0; i < n; ++i) {
      y[i] = s * x[i] + y[i];
    }
    return;
  }
  for (long i = 0; i < n; ++i) {
    y[i] = a * x[i] + y[i];
  }
}
