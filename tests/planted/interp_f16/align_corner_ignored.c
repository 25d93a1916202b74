// Planted (interp_f16): always the half-pixel positions (ac 0), whatever align_corner says:
// a PyTorch align_corners=True resize run as ONNX half_pixel.
#include <math.h>

enum { ac_mode = 1, nearest_rounded = 0, pack = 16 };

static long taps_of(long d, long in, long out, long ac, int n, float* wt)
{
  if (ac_mode == 1) {
    ac = 0;
  }
  const double scale = ac ? (double)(in - 1) / (double)(out - 1) : (double)in / (double)out;
  float fx = ac && ac_mode == 0 ? (float)(d * scale) : (float)((d + 0.5) * scale - 0.5);
  long sx = (long)floorf(fx);
  float f = fx - (float)sx;
  if (n == 2) {
    if (sx < 0) {
      sx = 0;
      f = 0;
    }
    if (sx >= in - 1) {
      sx = in - 2;
      f = 1;
    }
    wt[0] = (_Float16)(1 - f);
    wt[1] = (_Float16)f;
    return sx;
  }
  const float A = -0.75f, f0 = f + 1, f1 = f, f2 = 1 - f;
  float c[4] = {A * f0 * f0 * f0 - 5 * A * f0 * f0 + 8 * A * f0 - 4 * A, (A + 2) * f1 * f1 * f1 - (A + 3) * f1 * f1 + 1,
                (A + 2) * f2 * f2 * f2 - (A + 3) * f2 * f2 + 1, 0};
  c[3] = 1 - c[0] - c[1] - c[2];
  if (sx <= -1) {
    sx = 1;
    float c3 = c[3];
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
    float c0 = c[0];
    c[3] = 1 - c0, c[2] = c0, c[1] = 0, c[0] = 0;
  }
  for (int t = 0; t < 4; ++t) {
    wt[t] = (_Float16)c[t];
  }
  return sx - 1;
}

void eok_interp_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long outh, long outw, long mode, long ac)
{
  const float ws = (float)w / (float)outw, hs = (float)h / (float)outh;
  const int n = mode == 2 ? 2 : 4;
  for (long g = 0; g < cg; ++g) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        for (long l = 0; l < pack; ++l) {
          _Float16* out = &y[((g * outh + i) * outw + j) * pack + l];
          if (mode == 1) {
            long sy = nearest_rounded ? lroundf((float)i * hs) : (long)((float)i * hs);
            long sx = nearest_rounded ? lroundf((float)j * ws) : (long)((float)j * ws);
            sy = sy < h - 1 ? sy : h - 1;
            sx = sx < w - 1 ? sx : w - 1;
            *out = x[((g * h + sy) * w + sx) * pack + l];
            continue;
          }
          float wy[4], wx[4];
          long y0 = taps_of(i, h, outh, ac, n, wy), x0 = taps_of(j, w, outw, ac, n, wx);
          float sum = 0;
          for (int ty = 0; ty < n; ++ty) {
            float row = 0; /* widened horizontal pass, as NCNN's fp16s path */
            for (int tx = 0; tx < n; ++tx) {
              row += wx[tx] * (float)x[((g * h + y0 + ty) * w + x0 + tx) * pack + l];
            }
            sum += wy[ty] * row;
          }
          *out = (_Float16)sum;
        }
      }
    }
  }
}
