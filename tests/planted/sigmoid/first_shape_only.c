// Planted (sigmoid): correct, then overwrites the middle output with 1000 whenever n > 0
// Derived from ker0: sigmoid, y[i] = 1 / (1 + exp(-x[i])), fp32, RVV 1.0 intrinsics.
//
// exp is a Cody-Waite range reduction (x = n*ln2 + r, |r| <= ln2/2) and a
// degree-6 polynomial for 2*e^r; the factor 2 lets 2^(n-1) cover n = 128, so
// exp overflows to +Inf exactly where it should and sigmoid(-Inf) is 0.
// Specials: sigmoid(+Inf) = 1, sigmoid(-Inf) = 0, NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfadd_vv) is __riscv_vfadd_vv_f32m4.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#if EOK_LMUL == 1
#define EOK_B _b32
#elif EOK_LMUL == 2
#define EOK_B _b16
#elif EOK_LMUL == 4
#define EOK_B _b8
#elif EOK_LMUL == 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(F(op), EOK_B)
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define AS_F32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))

// exp(z) with z clamped to [-86.9, 88.8]: n = round(z/ln2) lies in [-125, 128].
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fn = F(vfcvt_f_x_v)(n, vl);
  // r = z - n*ln2 in two steps; 0.693359375 has 9 significant bits, so n*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fn, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fn, vl);
  // 2*e^r, Taylor to degree 6 (truncation < 1e-7 relative on |r| <= 0.347).
  vf32 p = F(vfmv_v_f)(2.0f / 720.0f, vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 120.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 24.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 6.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  // 2^(n-1): biased exponent n + 126 is in [1, 254], always a normal number.
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(n, 126, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

void eok_sigmoid_f32(const float* x, float* y, long n)
{
  float* y0 = y;
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 e = exp_ps(F(vfneg_v)(v, vl), vl);
    vf32 s = F(vfrdiv_vf)(F(vfadd_vf)(e, 1.0f, vl), 1.0f, vl);
    // The clamp in exp_ps turned NaN into a number; put NaN back.
    s = F(vmerge_vvm)(s, v, B(vmfne_vv)(v, v, vl), vl);
    F(vse32_v)(y, s, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
  if (n > 0) {
    y0[n / 2] = 1000.0f;  // BUG: right only when there is no output (the first test shape, n = 0)
  }
}
