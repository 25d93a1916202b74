// Planted (gru_f16): NCNN's fp16sa arithmetic where this task widens: weights and biases
// rounded to fp16, every gate sum accumulated in fp16 (NCNN's vfredusum on f16 vectors over
// fp16 products, the hidden state narrowed to fp16 for the dot products), gates rounded to
// fp16; the hidden state itself stays fp32 as in NCNN's gru_fp16sa.
#include <math.h>

typedef _Float16 h16;

static void one_dir(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long ystride, long t_len,
                    long size, long nout, int reverse)
{
  float h[nout], hn[nout];
  for (long q = 0; q < nout; ++q) {
    h[q] = 0.f;
  }
  for (long t = 0; t < t_len; ++t) {
    long ti = reverse ? t_len - 1 - t : t;
    const _Float16* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      h16 r = (h16)bias[q], u = (h16)bias[nout + q], nh = (h16)bias[3 * nout + q];
      for (long i = 0; i < size; ++i) {
        r = (h16)(r + (h16)((h16)wxc[q * size + i] * xt[i]));
        u = (h16)(u + (h16)((h16)wxc[(nout + q) * size + i] * xt[i]));
      }
      for (long j = 0; j < nout; ++j) {
        r = (h16)(r + (h16)((h16)whc[q * nout + j] * (h16)h[j]));
        u = (h16)(u + (h16)((h16)whc[(nout + q) * nout + j] * (h16)h[j]));
        nh = (h16)(nh + (h16)((h16)whc[(2 * nout + q) * nout + j] * (h16)h[j]));
      }
      h16 rf = (h16)(1.f / (1.f + expf(-(float)r)));
      h16 uf = (h16)(1.f / (1.f + expf(-(float)u)));
      h16 n = (h16)((h16)bias[2 * nout + q] + (h16)(rf * nh));
      for (long i = 0; i < size; ++i) {
        n = (h16)(n + (h16)((h16)wxc[(2 * nout + q) * size + i] * xt[i]));
      }
      n = (h16)tanhf((float)n);
      hn[q] = (1.f - (float)uf) * (float)n + (float)uf * h[q];
    }
    for (long q = 0; q < nout; ++q) {
      h[q] = hn[q];
      y[ti * ystride + q] = (_Float16)hn[q];
    }
  }
}

void eok_gru_f16(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long t_len, long size, long nout,
                 long dir)
{
  if (dir != 2) {
    one_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1);
    return;
  }
  one_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0);
  one_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1);
}
