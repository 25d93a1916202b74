// eok ker0: sigmoid, y[i] = 1 / (1 + exp(-x[i])), fp16 in and out (Zvfh), RVV 1.0 intrinsics.
//
// fp16 holds the data, fp32 does the arithmetic: each strip is widened with vfwcvt, goes
// through the same exp as the fp32 sigmoid (Cody-Waite reduction, degree-6 polynomial for
// 2*e^r, 2^(n-1) scaling) and is narrowed back with vfncvt, one rounding to fp16 at the
// end. Every fp16 value is exact in fp32, and fp32's range holds exp(-x) for all finite
// fp16 x up to the clamp, so outputs are the correctly rounded fp16 sigmoid or one ulp
// off next to a tie. Specials: sigmoid(+Inf) = 1, sigmoid(-Inf) = 0, NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 2
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 1
#define EOK_WIDE 2
#define EOK_B _b16
#elif EOK_LMUL == 2
#define EOK_WIDE 4
#define EOK_B _b8
#else
#error "EOK_LMUL must be 1 or 2"
#endif
// fp16 data at LMUL, fp32 arithmetic at 2*LMUL (same element count, same vl).
#define EOK_H(prefix) EOK_CAT(prefix, EOK_LMUL)
#define EOK_W(prefix) EOK_CAT(prefix, EOK_WIDE)
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_H(_f16m))
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_i32m))
#define B(op) EOK_CAT(F(op), EOK_B)
#define vf16 EOK_CAT(EOK_H(vfloat16m), _t)
#define vf32 EOK_CAT(EOK_W(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_W(vint32m), _t)
#define VSETVL EOK_H(__riscv_vsetvl_e16m)
#define AS_F32 EOK_CAT(EOK_W(__riscv_vreinterpret_v_i32m), EOK_W(_f32m))
#define WIDEN EOK_CAT(__riscv_vfwcvt_f_f_v_f32m, EOK_WIDE)
#define NARROW EOK_CAT(__riscv_vfncvt_f_f_w_f16m, EOK_LMUL)

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

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = WIDEN(H(vle16_v)(x, vl), vl);
    vf32 e = exp_ps(F(vfneg_v)(v, vl), vl);
    vf32 s = F(vfrdiv_vf)(F(vfadd_vf)(e, 1.0f, vl), 1.0f, vl);
    // The clamp in exp_ps turned NaN into a number; put NaN back.
    s = F(vmerge_vvm)(s, v, B(vmfne_vv)(v, v, vl), vl);
    H(vse16_v)(y, NARROW(s, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
