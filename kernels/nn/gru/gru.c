// eok ker0: NCNN GRU (fp32) the way NCNN's RISC-V layer runs it. Per time step and output
// unit q, the gate pre-activations are dot products over the input (size) and the previous
// hidden state (nout), strip-mined with vfmul_vv + vfredusum into a scalar (NCNN: m8);
// sigmoid and tanh are scalar expf/tanhf; then h = (1 - U) * N + U * h for all units.
// Per direction d the weights are NCNN's model layout: wxc[d][g*nout + q][i] (g = 0 reset,
// 1 update, 2 new), whc[d][g*nout + q][j], bias[d][b][q] (b = 0 reset, 1 update, 2 new on
// the input side, 3 new on the hidden side, which the reset gate scales).
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define REDSUM EOK_CAT(EOK_CAT(__riscv_vfredusum_vs_f32m, EOK_LMUL), _f32m1)

// acc0 += a0 . v and acc1 += a1 . v (two gates sharing the loads of v).
static inline void dot2(const float* v, const float* a0, const float* a1, long n, float* acc0, float* acc1)
{
  float s0 = *acc0, s1 = *acc1;
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 vv = F(vle32_v)(v + i, vl);
    vf32 p0 = F(vfmul_vv)(F(vle32_v)(a0 + i, vl), vv, vl);
    vf32 p1 = F(vfmul_vv)(F(vle32_v)(a1 + i, vl), vv, vl);
    s0 = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p0, __riscv_vfmv_s_f_f32m1(s0, 1), vl));
    s1 = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p1, __riscv_vfmv_s_f_f32m1(s1, 1), vl));
    i += (long)vl;
  }
  *acc0 = s0;
  *acc1 = s1;
}

static inline float dot1(const float* v, const float* a, long n, float acc)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 p = F(vfmul_vv)(F(vle32_v)(a + i, vl), F(vle32_v)(v + i, vl), vl);
    acc = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p, __riscv_vfmv_s_f_f32m1(acc, 1), vl));
    i += (long)vl;
  }
  return acc;
}

// One direction over all time steps; y rows have `ystride` floats.
static void gru_dir(const float* x, const float* wxc, const float* bias, const float* whc, float* y, long ystride, long t_len, long size,
                    long nout, int reverse)
{
  float hidden[nout > 0 ? nout : 1];
  float gate_u[nout > 0 ? nout : 1];
  float gate_n[nout > 0 ? nout : 1];
  for (long q = 0; q < nout; ++q) {
    hidden[q] = 0.f;
  }
  for (long t = 0; t < t_len; ++t) {
    const long ti = reverse ? t_len - 1 - t : t;
    const float* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      float r = bias[q], u = bias[nout + q];
      dot2(xt, wxc + q * size, wxc + (nout + q) * size, size, &r, &u);
      dot2(hidden, whc + q * nout, whc + (nout + q) * nout, nout, &r, &u);
      r = 1.f / (1.f + expf(-r));
      u = 1.f / (1.f + expf(-u));
      float n = dot1(hidden, whc + (2 * nout + q) * nout, nout, bias[3 * nout + q]);
      n = bias[2 * nout + q] + r * n;
      n = dot1(xt, wxc + (2 * nout + q) * size, size, n);
      gate_u[q] = u;
      gate_n[q] = tanhf(n);
    }
    float* yt = y + ti * ystride;
    for (long q = 0; q < nout; ++q) {
      const float h = (1.f - gate_u[q]) * gate_n[q] + gate_u[q] * hidden[q];
      hidden[q] = h;
      yt[q] = h;
    }
  }
}

void eok_gru_f32(const float* x, const float* wxc, const float* bias, const float* whc, float* y, long t_len, long size, long nout,
                 long dir)
{
  if (dir != 2) {
    gru_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1);
    return;
  }
  // Bidirectional: forward into the first nout columns of each row, reverse (own weights,
  // hidden state from zero) into the second.
  gru_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0);
  gru_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1);
}
