// Planted (deconv_f16): the output size without the output padding ((h-1)*s + ext - 2p): rows
// of the wrong length, the bottom/right padding rows and columns never written.

typedef float acc_t;
enum { pack = 16, use_op = 0, dilated_extent = 1 };

void eok_deconv_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c, long h, long w, long ocg, long ks,
                    long s, long d, long p, long op)
{
  const long ext = dilated_extent ? d * (ks - 1) + 1 : ks;
  const long opad = use_op ? op : 0;
  const long outh = (h - 1) * s + ext + opad - 2 * p, outw = (w - 1) * s + ext + opad - 2 * p;
  for (long g = 0; g < ocg; ++g) {
    for (long l = 0; l < pack; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          /* gather: full-output pixel (i + p, j + p) takes input (sy, sx) through tap (ky, kx)
             when (i + p - ky*d) = sy*s and (j + p - kx*d) = sx*s */
          acc_t sum = (acc_t)bias[g * pack + l];
          for (long ky = 0; ky < ks; ++ky) {
            long ys = i + p - ky * d;
            if (ys < 0 || ys % s != 0 || ys / s >= h) {
              continue;
            }
            for (long kx = 0; kx < ks; ++kx) {
              long xs = j + p - kx * d;
              if (xs < 0 || xs % s != 0 || xs / s >= w) {
                continue;
              }
              for (long q = 0; q < c; ++q) {
                const _Float16 v = x[(q * h + ys / s) * w + xs / s];
                const _Float16 k = wt[((g * c + q) * ks * ks + ky * ks + kx) * pack + l];
                sum = (acc_t)(sum + (acc_t)v * (acc_t)k);
              }
            }
          }
          y[((g * outh + i) * outw + j) * pack + l] = (_Float16)sum;
        }
      }
    }
  }
}
