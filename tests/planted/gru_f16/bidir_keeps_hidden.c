// Planted (gru_f16): the bidirectional reverse pass starts from the forward pass's final
// hidden state instead of zero (NCNN refills the hidden state with 0 between the two).
#include <math.h>

enum { swap_gates = 0, keep_hidden = 1 };

static void one_dir(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long ystride, long t_len,
                    long size, long nout, int reverse, float* h)
{
  float hn[nout];
  const long gr = swap_gates ? nout : 0, gu = swap_gates ? 0 : nout;
  for (long t = 0; t < t_len; ++t) {
    long ti = reverse ? t_len - 1 - t : t;
    const _Float16* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      float r = 0, u = 0, nh = 0, nx = 0;
      for (long i = 0; i < size; ++i) {
        r += wxc[(gr + q) * size + i] * (float)xt[i];
        u += wxc[(gu + q) * size + i] * (float)xt[i];
        nx += wxc[(2 * nout + q) * size + i] * (float)xt[i];
      }
      for (long j = 0; j < nout; ++j) {
        r += whc[(gr + q) * nout + j] * h[j];
        u += whc[(gu + q) * nout + j] * h[j];
        nh += whc[(2 * nout + q) * nout + j] * h[j];
      }
      float rf = 1.f / (1.f + expf(-(r + bias[gr + q])));
      float uf = 1.f / (1.f + expf(-(u + bias[gu + q])));
      float n = tanhf(nx + bias[2 * nout + q] + rf * (nh + bias[3 * nout + q]));
      hn[q] = (1.f - uf) * n + uf * h[q];
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
  float h[nout];
  for (long q = 0; q < nout; ++q) {
    h[q] = 0.f;
  }
  if (dir != 2) {
    one_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1, h);
    return;
  }
  one_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0, h);
  for (long q = 0; q < nout && !keep_hidden; ++q) {
    h[q] = 0.f;
  }
  one_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1, h);
}
