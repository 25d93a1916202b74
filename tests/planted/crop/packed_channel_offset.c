// Planted (crop): with elempack 8 ignores the channel offset (NCNN's packed
// coffset counts channels, here it is dropped), so the first groups are copied.
void eok_crop_f32(const float* x, float* y, long coff, long outc, long crest, long hoff,
                  long outh, long hrest, long woff, long outw, long wrest, long elempack)
{
  (void)crest;
  long h = hoff + outh + hrest, w = woff + outw + wrest, p = elempack;
  for (long q = 0; q < outc; ++q) {
    long iq = (p == 8 ? 0 : coff) + q;
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        y[(((q / p) * outh + i) * outw + j) * p + q % p] =
            x[(((iq / p) * h + hoff + i) * w + woff + j) * p + iq % p];
      }
    }
  }
}
