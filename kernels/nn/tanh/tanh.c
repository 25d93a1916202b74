// eok ker0: tanh, fp32, RVV 1.0 intrinsics.
//
// |x| >= 0.3: tanh|x| = (1 - e) / (1 + e) with e = exp(-2|x|) (never overflows; e -> 0 gives
// 1), the division done as a reciprocal estimate (vfrec7) refined by two Newton steps, sign
// put back with vfsgnj. |x| < 0.3: the odd Taylor polynomial to x^9 (1 - e would cancel),
// x (1 + z Q(z)) with z = x^2, so denormals and -0 pass exactly. NCNN's TanH_riscv instead
// evaluates a 13/6-degree rational function and divides (vfdiv, the X60's slowest vector
// op); this is the same accuracy class without the division. The small-|x| mask is
// !(|x| >= 0.3), so NaN takes the polynomial branch and propagates.
// Specials: +-Inf -> +-1, NaN propagates, -0 -> -0.
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
#define vmask vbool32_t
#elif EOK_LMUL == 2
#define EOK_B _b16
#define vmask vbool16_t
#elif EOK_LMUL == 4
#define EOK_B _b8
#define vmask vbool8_t
#elif EOK_LMUL == 8
#define EOK_B _b4
#define vmask vbool4_t
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(F(op), EOK_B)
// Masked, undisturbed: FMU(vfadd_vf)(m, dest, a, b, vl) keeps dest where m is clear.
#define FMU(op) EOK_CAT(F(op), _mu)
#define M(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_B)
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define AS_F32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))
#define AS_I32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_f32m), EOK_M(_i32m))

// exp(z) with z clamped to [-86.9, 88.8]: k = round(z/ln2) lies in [-125, 128]. Cody-Waite
// reduction z = k*ln2 + r (|r| <= ln2/2) and a degree-6 Taylor polynomial for 2*e^r, scaled
// by 2^(k-1) so k = 128 still has a normal scale (the project's exp, as in nn/sigmoid).
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 k = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fk = F(vfcvt_f_x_v)(k, vl);
  // r = z - k*ln2 in two steps; 0.693359375 has 9 significant bits, so k*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fk, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fk, vl);
  // Horner with scalar addends (vfmul.vv, vfadd.vf): no constant splats to keep live.
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

void eok_tanh_f32(const float* x, float* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 a = F(vfsgnj_vf)(v, 1.0f, vl);
    vf32 e = exp_ps(F(vfmul_vf)(a, -2.0f, vl), vl);
    vf32 t = F(vfmul_vv)(F(vfrsub_vf)(e, 1.0f, vl), recip_1_2(F(vfadd_vf)(e, 1.0f, vl), vl), vl);
    t = F(vfsgnj_vv)(t, v, vl);
    vf32 z = F(vfmul_vv)(v, v, vl);
    vf32 q = F(vfmv_v_f)(62.0f / 2835.0f, vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-17.0f / 315.0f, vl), vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(2.0f / 15.0f, vl), vl);
    q = F(vfmadd_vv)(q, z, F(vfmv_v_f)(-1.0f / 3.0f, vl), vl);
    vf32 s = F(vfmul_vv)(v, F(vfmadd_vv)(q, z, F(vfmv_v_f)(1.0f, vl), vl), vl);
    v = F(vmerge_vvm)(s, t, B(vmfge_vf)(a, 0.3f, vl), vl);
    F(vse32_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
