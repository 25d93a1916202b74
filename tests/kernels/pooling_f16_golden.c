/* Scalar golden for kernels/nn/pooling_f16: the fp32 task's semantics on the fp16 layout
 * (channels packed by 16) with fp16's max padding, (fp16)-FLT_MAX = -Inf; NaN skipped as
 * RVV vfmax does; averages summed in double on the fp16 inputs widened to float. Test-only. */
#include <math.h>

void golden_pooling_f16(const float* x, double* y, long cg, long h, long w, long op, long kh, long kw,
                        long s, long pt, long pb, long cip);

void golden_pooling_f16(const float* x, double* y, long cg, long h, long w, long op, long kh, long kw,
                        long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1;
  const long outw = (w + pt + pb - kw) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          double mx = -INFINITY, sum = 0;
          long area = 0;
          for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              long yy = i * s - pt + ky, xx = j * s - pt + kx;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                continue; /* -Inf padding: no effect on the max, not in the sum */
              }
              double v = x[((g * h + yy) * w + xx) * 16 + l];
              mx = fmax(mx, v);
              sum += v;
              area++;
            }
          }
          y[((g * outh + i) * outw + j) * 16 + l] = op == 0 ? mx : sum / (double)(cip ? kh * kw : area);
        }
      }
    }
  }
}
