// Planted (prelu_f16): the packed layout with per-channel slopes takes slope[g] for the
// whole group g of 16 channels (the planar indexing) instead of slope[16g + k] per lane:
// must be wrong_output at the first packed per-channel shape.
void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = elempack == 16 ? j / (16 * size) : j / size;
    float s = num_slope > 1 ? slope[q] : slope[0];
    float v = (float)x[j];
    y[j] = v < 0 ? (_Float16)(v * s) : x[j];
  }
}
