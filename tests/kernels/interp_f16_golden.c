/* Scalar golden for kernels/nn/interp_f16: the fp32 task's (tests/kernels/interp_golden.c) on
 * the fp16 layout (channels packed by 16) with NCNN's align_corner: source positions computed
 * in fp32 as NCNN does (so both agree on which taps are used), weights and sums in double on
 * the fp16 inputs widened to float; test-only. */
#include <math.h>

void golden_interp_f16(const float* x, double* y, long cg, long h, long w, long outh, long outw, long mode, long ac);

/* Source index of the first tap and the tap weights for output index d (n taps). */
static long taps_of(long d, long in, long out, long ac, int n, double* wt)
{
  const double scale = ac ? (double)(in - 1) / (double)(out - 1) : (double)in / (double)out;
  float fx = ac ? (float)(d * scale) : (float)((d + 0.5) * scale - 0.5);
  long sx = (long)floorf(fx);
  double f = (double)(fx - (float)sx);
  if (n == 2) {
    if (sx < 0) {
      sx = 0;
      f = 0;
    }
    if (sx >= in - 1) {
      sx = in - 2;
      f = 1;
    }
    wt[0] = 1 - f;
    wt[1] = f;
    return sx;
  }
  const double A = -0.75, f0 = f + 1, f1 = f, f2 = 1 - f;
  double c[4] = {A * f0 * f0 * f0 - 5 * A * f0 * f0 + 8 * A * f0 - 4 * A, (A + 2) * f1 * f1 * f1 - (A + 3) * f1 * f1 + 1,
                 (A + 2) * f2 * f2 * f2 - (A + 3) * f2 * f2 + 1, 0};
  c[3] = 1 - c[0] - c[1] - c[2];
  /* Fold the taps that fall outside the image onto the border pixels (NCNN's rule). */
  if (sx <= -1) {
    sx = 1;
    double c3 = c[3];
    c[0] = 1 - c3, c[1] = c3, c[2] = 0, c[3] = 0;
  }
  if (sx == 0) {
    sx = 1;
    c[0] = c[0] + c[1], c[1] = c[2], c[2] = c[3], c[3] = 0;
  }
  if (sx == in - 2) {
    sx = in - 3;
    c[3] = c[2] + c[3], c[2] = c[1], c[1] = c[0], c[0] = 0;
  }
  if (sx >= in - 1) {
    sx = in - 3;
    double c0 = c[0];
    c[3] = 1 - c0, c[2] = c0, c[1] = 0, c[0] = 0;
  }
  for (int t = 0; t < 4; ++t) {
    wt[t] = c[t];
  }
  return sx - 1;
}

void golden_interp_f16(const float* x, double* y, long cg, long h, long w, long outh, long outw, long mode, long ac)
{
  const float ws = (float)w / (float)outw, hs = (float)h / (float)outh;
  const int n = mode == 2 ? 2 : 4;
  for (long g = 0; g < cg; ++g) {
    for (long l = 0; l < 16; ++l) {
      for (long i = 0; i < outh; ++i) {
        for (long j = 0; j < outw; ++j) {
          double* out = &y[((g * outh + i) * outw + j) * 16 + l];
          if (mode == 1) { /* nearest ignores align_corner */
            long sy = (long)((float)i * hs), sx = (long)((float)j * ws);
            sy = sy < h - 1 ? sy : h - 1;
            sx = sx < w - 1 ? sx : w - 1;
            *out = x[((g * h + sy) * w + sx) * 16 + l];
            continue;
          }
          double wy[4], wx[4];
          long y0 = taps_of(i, h, outh, ac, n, wy), x0 = taps_of(j, w, outw, ac, n, wx);
          double sum = 0;
          for (int ty = 0; ty < n; ++ty) {
            for (int tx = 0; tx < n; ++tx) {
              sum += wy[ty] * wx[tx] * x[((g * h + y0 + ty) * w + x0 + tx) * 16 + l];
            }
          }
          *out = sum;
        }
      }
    }
  }
}
