// eok ker0: mish, y[i] = x[i] * tanh(softplus(x[i])), softplus(x) = ln(1 + e^x), fp16 in and
// out (Zvfh) with fp32 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's Mish_riscv fp16-storage path (forward_inplace_fp16s): each strip is widened with
// vfwcvt, mish is computed in fp32 and narrowed with vfncvt, one rounding to fp16. The fp32
// mish is nn/mish's: softplus as max(x, 0) + log1p(e^-|x|) (nothing overflows, small results
// keep their relative accuracy), exp by Cody-Waite reduction and a degree-6 polynomial with
// 2^n applied in two halves, ln by the atanh series on the mantissa, tanh by the odd Taylor
// polynomial below 0.25 and 1 - 2/(e^2t + 1) above.
// Specials: mish(+Inf) = +Inf, mish(-Inf) = -0 (the limit), NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 1
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
#define AS_I32 EOK_CAT(EOK_W(__riscv_vreinterpret_v_f32m), EOK_W(_i32m))
// e^z for z clamped to [-104, 88.8]: n = round(z/ln2) in [-150, 128] and 2^n is applied
// as 2^(n - n/2) * 2^(n/2), both normal, so the result rounds once: to a denormal or 0
// below 2^-126, to +Inf above FLT_MAX.
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -104.0f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fn = F(vfcvt_f_x_v)(n, vl);
  // r = z - n*ln2 in two steps; 0.693359375 has 9 significant bits, so n*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fn, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fn, vl);
  // e^r, Taylor to degree 6 (truncation < 1e-7 relative on |r| <= 0.347).
  vf32 p = F(vfmv_v_f)(1.0f / 720.0f, vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f / 120.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f / 24.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f / 6.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(0.5f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f, vl), vl);
  vi32 half = I(vsra_vx)(n, 1, vl);
  vf32 s1 = AS_F32(I(vsll_vx)(I(vadd_vx)(half, 127, vl), 23, vl));
  vf32 s2 = AS_F32(I(vsll_vx)(I(vadd_vx)(I(vsub_vv)(n, half, vl), 127, vl), 23, vl));
  return F(vfmul_vv)(F(vfmul_vv)(p, s1, vl), s2, vl);
}

// ln(u) for positive normal u: u = m * 2^k with m in [sqrt(1/2), sqrt(2)), and
// ln(m) = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.172, odd series to s^9.
static inline vf32 log_ps(vf32 u, size_t vl)
{
  vi32 bits = AS_I32(u);
  vi32 k = I(vsra_vx)(I(vsub_vx)(bits, 0x3f3504f3, vl), 23, vl);  // 0x3f3504f3 = sqrt(1/2)
  vf32 m = AS_F32(I(vsub_vv)(bits, I(vsll_vx)(k, 23, vl), vl));
  vf32 s = F(vfdiv_vv)(F(vfadd_vf)(m, -1.0f, vl), F(vfadd_vf)(m, 1.0f, vl), vl);
  vf32 s2 = F(vfmul_vv)(s, s, vl);
  vf32 q = F(vfmv_v_f)(2.0f / 9.0f, vl);
  q = F(vfmadd_vv)(q, s2, F(vfmv_v_f)(2.0f / 7.0f, vl), vl);
  q = F(vfmadd_vv)(q, s2, F(vfmv_v_f)(2.0f / 5.0f, vl), vl);
  q = F(vfmadd_vv)(q, s2, F(vfmv_v_f)(2.0f / 3.0f, vl), vl);
  q = F(vfmadd_vv)(q, s2, F(vfmv_v_f)(2.0f, vl), vl);
  q = F(vfmul_vv)(q, s, vl);
  return F(vfmacc_vf)(q, 0.693147180559945f, F(vfcvt_f_x_v)(k, vl), vl);
}

// tanh(t) for t >= 0 (+Inf included).
static inline vf32 tanh_pos_ps(vf32 t, size_t vl)
{
  // Below 0.25: t + t^3 * P(t^2), Taylor to t^11 (truncation < 1e-10 relative).
  vf32 t2 = F(vfmul_vv)(t, t, vl);
  vf32 p = F(vfmv_v_f)(-1382.0f / 155925.0f, vl);
  p = F(vfmadd_vv)(p, t2, F(vfmv_v_f)(62.0f / 2835.0f, vl), vl);
  p = F(vfmadd_vv)(p, t2, F(vfmv_v_f)(-17.0f / 315.0f, vl), vl);
  p = F(vfmadd_vv)(p, t2, F(vfmv_v_f)(2.0f / 15.0f, vl), vl);
  p = F(vfmadd_vv)(p, t2, F(vfmv_v_f)(-1.0f / 3.0f, vl), vl);
  vf32 small = F(vfmacc_vv)(t, F(vfmul_vv)(t2, t, vl), p, vl);
  // Above: 1 - 2/(e^2t + 1); beyond 2t = 20 the result is 1 in fp32.
  vf32 e = exp_ps(F(vfmin_vf)(F(vfadd_vv)(t, t, vl), 20.0f, vl), vl);
  vf32 large = F(vfrsub_vf)(F(vfrdiv_vf)(F(vfadd_vf)(e, 1.0f, vl), 2.0f, vl), 1.0f, vl);
  return F(vmerge_vvm)(large, small, B(vmflt_vf)(t, 0.25f, vl), vl);
}

void eok_mish_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = WIDEN(H(vle16_v)(x, vl), vl);
    // softplus(x) = max(x, 0) + log1p(f), f = e^-|x| in [0, 1].
    vf32 f = exp_ps(F(vfneg_v)(F(vfabs_v)(v, vl), vl), vl);
    vf32 u = F(vfadd_vf)(f, 1.0f, vl);
    vf32 lost = F(vfsub_vv)(f, F(vfadd_vf)(u, -1.0f, vl), vl);  // exact: (1 + f) - 1 vs f
    vf32 sp = F(vfadd_vv)(F(vfadd_vv)(log_ps(u, vl), lost, vl), F(vfmax_vf)(v, 0.0f, vl), vl);
    // -Inf * tanh(0) would be NaN; -FLT_MAX * 0 is the limit -0.
    vf32 r = F(vfmul_vv)(F(vfmax_vf)(v, -3.40282347e+38f, vl), tanh_pos_ps(sp, vl), vl);
    // The clamps turned NaN into a number; put NaN back.
    r = F(vmerge_vvm)(r, v, B(vmfne_vv)(v, v, vl), vl);
    H(vse16_v)(y, NARROW(r, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
