// Planted (clip_f16): correct, one element at a time
void eok_clip_f16(const _Float16* x, _Float16* y, long n, float lo, float hi)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(v != v ? lo : v < lo ? lo : v > hi ? hi : v); /* NaN -> lo */
  }
}
