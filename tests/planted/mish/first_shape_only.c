// Planted (mish): correct, then overwrites the middle output with 1000 whenever n > 0
// Derived from ker0: mish, y[i] = x[i] * tanh(softplus(x[i])), softplus(x) = ln(1 + e^x), fp32,
// RVV 1.0 intrinsics.
//
// softplus is evaluated as max(x, 0) + log1p(e^-|x|), so nothing overflows and small
// results keep their relative accuracy; log1p(f) is ln(1 + f) plus the rounding error of
// 1 + f. exp: Cody-Waite reduction and a degree-6 polynomial, 2^n applied in two halves
// so tiny results underflow gradually to 0. ln: mantissa in [sqrt(1/2), sqrt(2)) and
// the atanh series. tanh: odd Taylor polynomial below 0.25, 1 - 2/(e^2t + 1) above.
// Specials: mish(+Inf) = +Inf, mish(-Inf) = -0 (the limit), NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 2
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
#define AS_I32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_f32m), EOK_M(_i32m))

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

void eok_mish_f32(const float* x, float* y, long n)
{
  float* y0 = y;
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    // softplus(x) = max(x, 0) + log1p(f), f = e^-|x| in [0, 1].
    vf32 f = exp_ps(F(vfneg_v)(F(vfabs_v)(v, vl), vl), vl);
    vf32 u = F(vfadd_vf)(f, 1.0f, vl);
    vf32 lost = F(vfsub_vv)(f, F(vfadd_vf)(u, -1.0f, vl), vl);  // exact: (1 + f) - 1 vs f
    vf32 sp = F(vfadd_vv)(F(vfadd_vv)(log_ps(u, vl), lost, vl), F(vfmax_vf)(v, 0.0f, vl), vl);
    // -Inf * tanh(0) would be NaN; -FLT_MAX * 0 is the limit -0.
    vf32 r = F(vfmul_vv)(F(vfmax_vf)(v, -3.40282347e+38f, vl), tanh_pos_ps(sp, vl), vl);
    // The clamps turned NaN into a number; put NaN back.
    r = F(vmerge_vvm)(r, v, B(vmfne_vv)(v, v, vl), vl);
    F(vse32_v)(y, r, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
  if (n > 0) {
    y0[n / 2] = 1000.0f;  // BUG: right only when there is no output (the first test shape, n = 0)
  }
}
