// eok ker0: NCNN GELU, fp32, RVV 1.0, both forms as NCNN's GELU_riscv computes them: one
// vsetvl strip over the array, 0.5 * x times erfc(-x / sqrt 2) (fast_gelu 0) or times
// 1 + tanh(0.79788452 * (x + 0.044715 x^3)) (fast_gelu 1).
//
// erfc here is the project's own: for t = |x| / sqrt 2, erfc(t) = P(s) exp(-t^2) with
// s = 1 / (1 + 0.3275911 t) and P the degree-5 polynomial of Abramowitz & Stegun 7.1.26
// (absolute error <= 1.5e-7), the reciprocal as a vfrec7 estimate and two Newton steps
// (vfdiv is the X60's slowest vector op); erfc(-t) = 2 - erfc(t). Where t > 9.3 the result
// is below FLT_MIN and is set to 0, so -Inf gives -Inf * 0 = NaN as in NCNN. tanh is the
// project's (nn/tanh): (1 - e) / (1 + e) with e = exp(-2|u|), Taylor for |u| < 0.3.
// Both multiply 0.5 * x first (NCNN's tanh form multiplies by 1 + tanh first, which
// overflows to +Inf at FLT_MAX).
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

// exp(z) with z clamped to [-86.9, 88.8] (the project's exp, as in nn/sigmoid and nn/tanh).
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 k = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fk = F(vfcvt_f_x_v)(k, vl);
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

// 1 / d for d >= 1: 7-bit estimate, each Newton step r (2 - d r) doubles the bits.
static inline vf32 recip(vf32 d, size_t vl)
{
  vf32 r = F(vfrec7_v)(d, vl);
  r = F(vfmul_vv)(r, F(vfrsub_vf)(F(vfmul_vv)(d, r, vl), 2.0f, vl), vl);
  r = F(vfmul_vv)(r, F(vfrsub_vf)(F(vfmul_vv)(d, r, vl), 2.0f, vl), vl);
  return r;
}

// erfc(-x / sqrt 2), in [0, 2].
static inline vf32 erfc_neg_scaled(vf32 x, size_t vl)
{
  vf32 t = F(vfmul_vf)(F(vfsgnj_vf)(x, 1.0f, vl), 0.70710678f, vl); // |x| / sqrt 2
  vf32 s = recip(F(vfmadd_vf)(t, 0.3275911f, F(vfmv_v_f)(1.0f, vl), vl), vl);
  vf32 p = F(vfmul_vf)(s, 1.061405429f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -1.453152027f, vl), s, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.421413741f, vl), s, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -0.284496736f, vl), s, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 0.254829592f, vl), s, vl);
  vf32 e = F(vfmul_vv)(p, exp_ps(F(vfneg_v)(F(vfmul_vv)(t, t, vl), vl), vl), vl); // erfc(|t|)
  e = F(vfmerge_vfm)(e, 0.0f, B(vmfgt_vf)(t, 9.3f, vl), vl);
  // The argument is -x / sqrt 2: for x > 0 it is negative and erfc(-t) = 2 - erfc(t).
  return F(vmerge_vvm)(e, F(vfrsub_vf)(e, 2.0f, vl), B(vmfgt_vf)(x, 0.0f, vl), vl);
}

static inline vf32 tanh_ps(vf32 v, size_t vl)
{
  vf32 a = F(vfsgnj_vf)(v, 1.0f, vl);
  vf32 e = exp_ps(F(vfmul_vf)(a, -2.0f, vl), vl);
  vf32 t = F(vfmul_vv)(F(vfrsub_vf)(e, 1.0f, vl), recip(F(vfadd_vf)(e, 1.0f, vl), vl), vl);
  t = F(vfsgnj_vv)(t, v, vl);
  vf32 z = F(vfmul_vv)(v, v, vl);
  vf32 q = F(vfmv_v_f)(62.0f / 2835.0f, vl);
  q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-17.0f / 315.0f, vl), vl);
  q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(2.0f / 15.0f, vl), vl);
  q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-1.0f / 3.0f, vl), vl);
  vf32 s = F(vfmul_vv)(v, F(vfmadd_vv)(q, z, F(vfmv_v_f)(1.0f, vl), vl), vl);
  return F(vmerge_vvm)(s, t, B(vmfge_vf)(a, 0.3f, vl), vl);
}

void eok_gelu_f32(const float* x, float* y, long n, long fast_gelu)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 f;
    if (fast_gelu) {
      vf32 u = F(vfmul_vf)(F(vfmul_vv)(F(vfmul_vv)(v, v, vl), v, vl), 0.044715f, vl);
      u = F(vfmul_vf)(F(vfadd_vv)(v, u, vl), 0.79788452f, vl);
      f = F(vfadd_vf)(tanh_ps(u, vl), 1.0f, vl);
    } else {
      f = erfc_neg_scaled(v, vl);
    }
    F(vse32_v)(y, F(vfmul_vv)(F(vfmul_vf)(v, 0.5f, vl), f, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
