/* Scalar golden for kernels/nn/gru: NCNN's GRU with dot products, gates and hidden state in
 * double; test-only. */
#include <math.h>
#include <stdlib.h>

#include "golden_compute.h"

static void one_dir(const float* x, const float* wxc, const float* bias, const float* whc, double* y, long ystride, long t_len, long size,
                    long nout, int reverse)
{
  double* h = calloc((size_t)nout, sizeof(double));
  double* hn = calloc((size_t)nout, sizeof(double));
  if (!h || !hn) {
    exit(2);
  }
  for (long t = 0; t < t_len; ++t) {
    long ti = reverse ? t_len - 1 - t : t;
    const float* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      double r = bias[q], u = bias[nout + q], nh = bias[3 * nout + q], nx = bias[2 * nout + q];
      for (long i = 0; i < size; ++i) {
        r += (double)wxc[q * size + i] * xt[i];
        u += (double)wxc[(nout + q) * size + i] * xt[i];
        nx += (double)wxc[(2 * nout + q) * size + i] * xt[i];
      }
      for (long j = 0; j < nout; ++j) {
        r += (double)whc[q * nout + j] * h[j];
        u += (double)whc[(nout + q) * nout + j] * h[j];
        nh += (double)whc[(2 * nout + q) * nout + j] * h[j];
      }
      r = 1 / (1 + exp(-r));
      u = 1 / (1 + exp(-u));
      double n = tanh(nx + r * nh);
      hn[q] = (1 - u) * n + u * h[q];
    }
    for (long q = 0; q < nout; ++q) {
      h[q] = hn[q];
      y[ti * ystride + q] = hn[q];
    }
  }
  free(h);
  free(hn);
}

void golden_gru(const float* x, const float* wxc, const float* bias, const float* whc, double* y, long t_len, long size, long nout,
                long dir)
{
  if (dir != 2) {
    one_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1);
    return;
  }
  one_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0);
  one_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1);
}
