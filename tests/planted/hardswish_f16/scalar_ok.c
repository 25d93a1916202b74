// Planted (hardswish_f16): correct, fp32 arithmetic one element at a time
void eok_hardswish_f16(const _Float16* x, _Float16* y, long n, float alpha, float beta)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i], a = (float)(_Float16)alpha, b = (float)(_Float16)beta;
    float lo = (float)(_Float16)(-beta / alpha), hi = (float)(_Float16)((1.0f - beta) / alpha);
    y[i] = (_Float16)(v < lo ? 0.0f : v > hi ? v : v * (v * a + b));
  }
}
