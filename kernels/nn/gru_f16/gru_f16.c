// eok ker0: NCNN GRU with fp16 storage the way NCNN's RISC-V zfh layer runs forward_fp16s
// (gru_fp16s): x and y are fp16, the weights and biases stay fp32 (create_pipeline keeps
// them), the hidden state is fp32 and every dot product, gate and update is fp32 arithmetic.
// Per time step and output unit q, the gate pre-activations are dot products over the input
// (fp16 loads widened by vfwcvt) and the previous hidden state, strip-mined with vfmul_vv +
// vfredusum into a scalar (NCNN: e16m4 loads widened to f32m8); sigmoid and tanh are scalar
// expf/tanhf; h = (1 - U) * N + U * h stays fp32 and is rounded to fp16 only for y.
// Weights: wxc[d][g*nout + q][i] (g = 0 reset, 1 update, 2 new), whc[d][g*nout + q][j],
// bias[d][b][q] (b = 0 reset, 1 update, 2 new on the input side, 3 new on the hidden side,
// which the reset gate scales).
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

// fp16 strip of half the register group, widened to the fp32 LMUL.
#if EOK_LMUL == 1
#define LDX(p, vl) __riscv_vfwcvt_f_f_v_f32m1(__riscv_vle16_v_f16mf2((p), (vl)), (vl))
#elif EOK_LMUL == 2
#define LDX(p, vl) __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1((p), (vl)), (vl))
#elif EOK_LMUL == 4
#define LDX(p, vl) __riscv_vfwcvt_f_f_v_f32m4(__riscv_vle16_v_f16m2((p), (vl)), (vl))
#elif EOK_LMUL == 8
#define LDX(p, vl) __riscv_vfwcvt_f_f_v_f32m8(__riscv_vle16_v_f16m4((p), (vl)), (vl))
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

// acc0 += a0 . x and acc1 += a1 . x over the fp16 input row (two gates sharing its loads).
static inline void dotx2(const _Float16* x, const float* a0, const float* a1, long n, float* acc0, float* acc1)
{
  float s0 = *acc0, s1 = *acc1;
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 vv = LDX(x + i, vl);
    vf32 p0 = F(vfmul_vv)(F(vle32_v)(a0 + i, vl), vv, vl);
    vf32 p1 = F(vfmul_vv)(F(vle32_v)(a1 + i, vl), vv, vl);
    s0 = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p0, __riscv_vfmv_s_f_f32m1(s0, 1), vl));
    s1 = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p1, __riscv_vfmv_s_f_f32m1(s1, 1), vl));
    i += (long)vl;
  }
  *acc0 = s0;
  *acc1 = s1;
}

static inline float dotx1(const _Float16* x, const float* a, long n, float acc)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 p = F(vfmul_vv)(F(vle32_v)(a + i, vl), LDX(x + i, vl), vl);
    acc = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p, __riscv_vfmv_s_f_f32m1(acc, 1), vl));
    i += (long)vl;
  }
  return acc;
}

// The same over the fp32 hidden state.
static inline void doth2(const float* v, const float* a0, const float* a1, long n, float* acc0, float* acc1)
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

static inline float doth1(const float* v, const float* a, long n, float acc)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 p = F(vfmul_vv)(F(vle32_v)(a + i, vl), F(vle32_v)(v + i, vl), vl);
    acc = __riscv_vfmv_f_s_f32m1_f32(REDSUM(p, __riscv_vfmv_s_f_f32m1(acc, 1), vl));
    i += (long)vl;
  }
  return acc;
}

// One direction over all time steps, hidden state from zero; y rows have `ystride` values.
static void gru_dir(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long ystride, long t_len,
                    long size, long nout, int reverse)
{
  float hidden[nout > 0 ? nout : 1];
  float gate_u[nout > 0 ? nout : 1];
  float gate_n[nout > 0 ? nout : 1];
  for (long q = 0; q < nout; ++q) {
    hidden[q] = 0.f;
  }
  for (long t = 0; t < t_len; ++t) {
    const long ti = reverse ? t_len - 1 - t : t;
    const _Float16* xt = x + ti * size;
    for (long q = 0; q < nout; ++q) {
      float r = bias[q], u = bias[nout + q];
      dotx2(xt, wxc + q * size, wxc + (nout + q) * size, size, &r, &u);
      doth2(hidden, whc + q * nout, whc + (nout + q) * nout, nout, &r, &u);
      r = 1.f / (1.f + expf(-r));
      u = 1.f / (1.f + expf(-u));
      float n = doth1(hidden, whc + (2 * nout + q) * nout, nout, bias[3 * nout + q]);
      n = bias[2 * nout + q] + r * n;
      n = dotx1(xt, wxc + (2 * nout + q) * size, size, n);
      gate_u[q] = u;
      gate_n[q] = tanhf(n);
    }
    _Float16* yt = y + ti * ystride;
    for (long q = 0; q < nout; ++q) {
      const float h = (1.f - gate_u[q]) * gate_n[q] + gate_u[q] * hidden[q];
      hidden[q] = h;
      yt[q] = (_Float16)h;
    }
  }
}

void eok_gru_f16(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long t_len, long size, long nout,
                 long dir)
{
  if (dir != 2) {
    gru_dir(x, wxc, bias, whc, y, nout, t_len, size, nout, dir == 1);
    return;
  }
  // Bidirectional: forward into the first nout columns of each row, reverse (own weights,
  // hidden state from zero again, as NCNN refills it) into the second.
  gru_dir(x, wxc, bias, whc, y, 2 * nout, t_len, size, nout, 0);
  gru_dir(x, wxc + 3 * nout * size, bias + 4 * nout, whc + 3 * nout * nout, y + nout, 2 * nout, t_len, size, nout, 1);
}
