/* Scalar golden for kernels/nn/crop; test-only. */
#include "golden.h"

void golden_crop(const float* x, double* y, long coff, long outc, long crest, long hoff,
                 long outh, long hrest, long woff, long outw, long wrest, long elempack)
{
  (void)crest;
  long h = hoff + outh + hrest, w = woff + outw + wrest, p = elempack;
  for (long q = 0; q < outc; ++q) {
    long iq = coff + q;
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        long src = (((iq / p) * h + hoff + i) * w + woff + j) * p + iq % p;
        long dst = (((q / p) * outh + i) * outw + j) * p + q % p;
        y[dst] = x[src];
      }
    }
  }
}
