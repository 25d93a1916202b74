// Planted (celu): selects x where x > 0 (NCNN's vector mask), so NaN goes through the clamped exp
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

void eok_celu_f32(const float* x, float* y, long n, float alpha)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 e = exp_ps(F(vfmul_vf)(v, 1.0f / alpha, vl), vl);
    e = F(vfmul_vf)(F(vfsub_vf)(e, 1.0f, vl), alpha, vl);
    v = F(vmerge_vvm)(e, v, B(vmfgt_vf)(v, 0.0f, vl), vl); // BUG: NaN fails x > 0
    F(vse32_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
