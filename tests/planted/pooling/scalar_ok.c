// Planted (pooling): a correct scalar version on NCNN's padded-window semantics; must be ok.
#include <float.h>
#include <math.h>

void eok_pooling_f32(const float* x, float* y, long cg, long h, long w, long op, long kh, long kw, long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1;
  const long outw = (w + pt + pb - kw) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 8; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          float mx = -INFINITY;
          float sum = 0;
          long area = 0;
          for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              long yy = i * s - pt + ky, xx = j * s - pt + kx;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                mx = fmaxf(mx, -FLT_MAX);
                continue;
              }
              float v = x[((g * h + yy) * w + xx) * 8 + l];
              mx = fmaxf(mx, v);
              sum = (float)(sum + (float)v);
              area++;
            }
          }
          y[((g * outh + i) * outw + j) * 8 + l] = op == 0 ? mx : (float)sum / (float)(cip ? kh * kw : area);
        }
      }
    }
  }
}
