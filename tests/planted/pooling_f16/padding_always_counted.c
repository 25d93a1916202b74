// Planted (pooling_f16): divides every average by the full window kh*kw, whatever
// count_include_pad says: windows clipped by the padding with cip = 0 come out too small
// (by 1/3 or more at a 3x3 border).
#include <math.h>

void eok_pooling_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long op, long kh, long kw,
                     long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1, outw = (w + pt + pb - kw) / s + 1;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          float mx = -INFINITY, sum = 0.f;
                    for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              long yy = i * s - pt + ky, xx = j * s - pt + kx;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                continue;
              }
              float v = (float)x[((g * h + yy) * w + xx) * 16 + l];
              mx = fmaxf(mx, v);
              sum += v;
            }
          }
          float r = op == 0 ? mx : sum / (float)(kh * kw);
          y[((g * outh + i) * outw + j) * 16 + l] = (_Float16)r;
        }
      }
    }
  }
}
