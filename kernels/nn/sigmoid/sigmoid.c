// eok ker0: sigmoid, y[i] = 1 / (1 + exp(-x[i])), fp32, RVV 1.0 intrinsics.
//
// exp is a Cody-Waite range reduction (x = n*ln2 + r, |r| <= ln2/2) and a
// degree-6 polynomial for 2*e^r, scaled by 2^(n-1).
// 1/(1 + e) is a reciprocal estimate (vfrec7, 7 bits) refined by Newton steps, as NCNN's
// sigmoid_ps does (rvv_mathfun.h): the first version divided with vfrdiv, and vector
// division is the X60's slowest vector op (~300 cycles per LMUL-8 group on the model), which
// made it 1.43x slower than NCNN's layer. NCNN takes one Newton step (~14 bits, 6e-5
// relative); two give full fp32 accuracy and keep the 1e-5 tolerance meaningful. exp's
// upper clamp is 88.3 (as NCNN's 88.376), so 1 + e stays finite: a Newton step on
// 1 + e = +Inf would compute Inf * 0 = NaN; sigmoid(-Inf) is then 1/e^88.3, about 4e-39.
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

// exp(z) with z clamped to [-86.9, 88.3]: n = round(z/ln2) lies in [-125, 127], and e^88.3
// is finite (below FLT_MAX = e^88.72).
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.3f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fn = F(vfcvt_f_x_v)(n, vl);
  // r = z - n*ln2 in two steps; 0.693359375 has 9 significant bits, so n*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fn, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fn, vl);
  // 2*e^r, Taylor to degree 6 (truncation < 1e-7 relative on |r| <= 0.347).
  // Horner with scalar addends (vfmul.vv then vfadd.vf): no constant splats, so LMUL 4
  // needs no spill.
  vf32 p = F(vfmul_vf)(r, 2.0f / 720.0f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 120.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 24.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f / 6.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.0f, vl), r, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0f, vl), r, vl);
  p = F(vfadd_vf)(p, 2.0f, vl);
  // 2^(n-1): biased exponent n + 126 is in [1, 254], always a normal number.
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(n, 126, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

void eok_sigmoid_f32(const float* x, float* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 e = exp_ps(F(vfneg_v)(v, vl), vl);
    vf32 d = F(vfadd_vf)(e, 1.0f, vl);
    vf32 s = F(vfrec7_v)(d, vl);
    s = F(vfmul_vv)(s, F(vfrsub_vf)(F(vfmul_vv)(d, s, vl), 2.0f, vl), vl);
    s = F(vfmul_vv)(s, F(vfrsub_vf)(F(vfmul_vv)(d, s, vl), 2.0f, vl), vl);
    // The clamp in exp_ps turned NaN into a number; put NaN back.
    s = F(vmerge_vvm)(s, v, B(vmfne_vv)(v, v, vl), vl);
    F(vse32_v)(y, s, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
