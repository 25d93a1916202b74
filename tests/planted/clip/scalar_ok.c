// Planted (clip): a correct scalar version; must be ok.
void eok_clip_f32(const float* x, float* y, long n, float lo, float hi)
{
  for (long i = 0; i < n; ++i) {
    float v = x[i];
    y[i] = v != v ? lo : v < lo ? lo : v > hi ? hi : v; /* NaN -> lo, as vfmax/vfmin */
  }
}
