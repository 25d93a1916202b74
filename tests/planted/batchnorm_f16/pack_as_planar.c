// Planted (batchnorm_f16): ignores elempack and indexes the constants as if x were planar
// (channel j / (h*w)): every lane of a packed pixel gets the wrong channel's a and b. Must
// be wrong_output at the first packed shape.
void eok_batchnorm_f16(const _Float16* x, const float* a, const float* b, _Float16* y, long c,
                       long h, long w, long elempack)
{
  (void)elempack;
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = j / size;
    y[j] = (_Float16)(b[q] * (float)x[j] + a[q]);
  }
}
