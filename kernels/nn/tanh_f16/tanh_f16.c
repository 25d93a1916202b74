// eok ker0: tanh, fp16 in and out (Zvfh) with fp32 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's TanH_riscv fp16-storage path (forward_inplace_fp16s): each strip is widened
// with vfwcvt, goes through the fp32 tanh of nn/tanh and is narrowed with vfncvt, one
// rounding to fp16 at the end. The fp32 tanh: |x| >= 0.3: (1 - e) / (1 + e) with
// e = exp(-2|x|) (never overflows), the reciprocal as vfrec7 and two Newton steps, sign put
// back with vfsgnj; |x| < 0.3: the odd Taylor polynomial to x^9 (1 - e would cancel), so
// fp16 subnormals and -0 pass exactly. The small-|x| mask is !(|x| >= 0.3): NaN propagates.
// Specials: +-Inf -> +-1, NaN propagates, -0 -> -0.
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
#elif EOK_LMUL == 4
#define EOK_WIDE 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2 or 4"
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

// exp(z) for z <= 0 (here z = -2|x| >= -131008): clamped to -86.9, k = round(z/ln2) in
// [-125, 0]; Cody-Waite reduction and a degree-6 Taylor polynomial for 2*e^r, scaled by
// 2^(k-1) (the project's exp, as in nn/tanh).
static inline vf32 exp_neg_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  vi32 k = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fk = F(vfcvt_f_x_v)(k, vl);
  // r = z - k*ln2 in two steps; 0.693359375 has 9 significant bits, so k*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fk, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fk, vl);
  vf32 p = F(vfmul_vf)(r, 2.0f / 720.0f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 120.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 24.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 6.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f, vl), r, vl);
  p = F(vfadd_vf)(p, 2.0f, vl);
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(k, 126, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

// 1 / d for d in [1, 2]: 7-bit estimate, each Newton step r (2 - d r) doubles the bits.
static inline vf32 recip_1_2(vf32 d, size_t vl)
{
  vf32 r = F(vfrec7_v)(d, vl);
  r = F(vfmul_vv)(r, F(vfrsub_vf)(F(vfmul_vv)(d, r, vl), 2.0f, vl), vl);
  r = F(vfmul_vv)(r, F(vfrsub_vf)(F(vfmul_vv)(d, r, vl), 2.0f, vl), vl);
  return r;
}

void eok_tanh_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = WIDEN(H(vle16_v)(x, vl), vl);
    vf32 a = F(vfsgnj_vf)(v, 1.0f, vl);
    vf32 e = exp_neg_ps(F(vfmul_vf)(a, -2.0f, vl), vl);
    vf32 t = F(vfmul_vv)(F(vfrsub_vf)(e, 1.0f, vl), recip_1_2(F(vfadd_vf)(e, 1.0f, vl), vl), vl);
    t = F(vfsgnj_vv)(t, v, vl);
    vf32 z = F(vfmul_vv)(v, v, vl);
    vf32 q = F(vfmv_v_f)(62.0f / 2835.0f, vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-17.0f / 315.0f, vl), vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(2.0f / 15.0f, vl), vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-1.0f / 3.0f, vl), vl);
    vf32 s = F(vfmul_vv)(v, F(vfmadd_vv)(q, z, F(vfmv_v_f)(1.0f, vl), vl), vl);
    v = F(vmerge_vvm)(s, t, B(vmfge_vf)(a, 0.3f, vl), vl);
    H(vse16_v)(y, NARROW(v, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
