// Planted (crop): steps through the input with the output's row width (outw)
// instead of the input's, right only when nothing is cropped from the columns.
void eok_crop_f32(const float* x, float* y, long coff, long outc, long crest, long hoff,
                  long outh, long hrest, long woff, long outw, long wrest, long elempack)
{
  (void)crest;
  long h = hoff + outh + hrest, w = woff + outw + wrest, p = elempack;
  (void)w;
  for (long q = 0; q < outc; ++q) {
    long iq = coff + q;
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        y[(((q / p) * outh + i) * outw + j) * p + q % p] =
            x[(((iq / p) * h + hoff + i) * outw + woff + j) * p + iq % p];
      }
    }
  }
}
