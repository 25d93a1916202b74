// Planted (gru): a correct scalar version (input and hidden sums separately, biases last); must be ok.
#include <math.h>

static void one_dir(const float* x, const float* wxc, const float* bias, const float* whc, float* y, long ystride, long t_len, long size,
                    long nout, int reverse)
{
  float h[nout], hn[nout];
  for (long q = 0; q < nout; ++q) {
    h[q] = 0.f;
  }
  for (long t = 0; t < t_len; ++t) {
    long ti = reverse ? t_len - 1 - t : t;
    const float* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      float r = 0, u = 0, nh = 0, nx = 0;
      for (long i = 0; i < size; ++i) {
        r = (float)(r + (float)(wxc[q * size + i] * xt[i]));
        u = (float)(u + (float)(wxc[(nout + q) * size + i] * xt[i]));
        nx = (float)(nx + (float)(wxc[(2 * nout + q) * size + i] * xt[i]));
      }
      for (long j = 0; j < nout; ++j) {
        r = (float)(r + (float)(whc[q * nout + j] * h[j]));
        u = (float)(u + (float)(whc[(nout + q) * nout + j] * h[j]));
        nh = (float)(nh + (float)(whc[(2 * nout + q) * nout + j] * h[j]));
      }
      float rf = 1.f / (1.f + expf(-((float)r + bias[q])));
      float uf = 1.f / (1.f + expf(-((float)u + bias[nout + q])));
      float n = tanhf((float)nx + bias[2 * nout + q] + rf * ((float)nh + bias[3 * nout + q]));
      hn[q] = (1.f - uf) * n + uf * h[q];
    }
    for (long q = 0; q < nout; ++q) {
      h[q] = hn[q];
      y[ti * ystride + q] = hn[q];
    }
  }
}

void eok_gru_f32(const float* x, const float* wxc, const float* bias, const float* whc, float* y, long t_len, long size, long nout,
                 long dir)
{
  if (dir != 2) {
    one_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1);
    return;
  }
  one_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0);
  one_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1);
}
