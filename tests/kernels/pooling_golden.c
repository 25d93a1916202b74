/* Scalar golden for kernels/nn/pooling: NCNN's semantics on an explicitly padded window
 * (-FLT_MAX padding for max, NaN skipped as RVV vfmax does; average summed in double);
 * test-only. */
#include <float.h>
#include <math.h>

#include "golden_compute.h"

void golden_pooling(const float* x, double* y, long cg, long h, long w, long op, long kh, long kw, long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1;
  const long outw = (w + pt + pb - kw) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 8; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          double mx = -INFINITY, sum = 0;
          long area = 0;
          for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              long yy = i * s - pt + ky, xx = j * s - pt + kx;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                mx = fmax(mx, -FLT_MAX);
                continue;
              }
              double v = x[((g * h + yy) * w + xx) * 8 + l];
              mx = fmax(mx, v);
              sum += v;
              area++;
            }
          }
          y[((g * outh + i) * outw + j) * 8 + l] = op == 0 ? mx : sum / (double)(cip ? kh * kw : area);
        }
      }
    }
  }
}
