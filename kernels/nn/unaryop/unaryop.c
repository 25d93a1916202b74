// eok ker0: NCNN UnaryOp on fp32, all 28 op types, RVV 1.0 intrinsics, written the way NCNN's
// UnaryOp_riscv does it: one strip-mined loop per op (the op chosen once, as NCNN's templates),
// in-place semantics (y may be x).
// - FLOOR, CEIL, ROUND and TRUNC convert to int32 and back with the rounding mode they need
//   (vfcvt.x.f with RDN, RUP, RNE; TRUNC from the nearest integer, adjusted), so they
//   saturate at int32 and turn NaN into 2^31; RSQRT and RECIPROCAL are the 7-bit estimates
//   vfrsqrt7/vfrec7 refined by one Newton-Raphson step; SIGN is two compares and merges.
// - The transcendental ops use the Cephes-style single-precision approximations NCNN's
//   rvv_mathfun.h vectorises (same range reductions and polynomial degrees, written here
//   from the published Cephes method): exp (input clamped to +-88.376, 2^k by exponent bits),
//   log (exponent split, mantissa in [sqrt(1/2), sqrt(2)), degree-8 polynomial), sin/cos
//   (octant reduction by 4/pi with a three-part pi/4, two polynomials), tanh (a 13/6 rational
//   function on |x| <= 9), and the compositions NCNN builds from them (TAN = sin/cos, LOG10,
//   EXPM1 and LOG1P with a cubic below 1e-4, SINH, COSH, ASINH, ACOSH, ATANH).
// - ASIN, ACOS and ATAN call libm per element: NCNN's RVV layer has no vector version either.
// Two deliberate differences from NCNN's code (kernel.toml says why): log normalises
// subnormal inputs first, and the sin/cos octant is floor(|x| 4/pi) as Cephes has it (NCNN's
// vfcvt rounds to nearest and hands the polynomials arguments up to 3pi/8).
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
// Mask type for the LMUL: vbool(32 / LMUL).
#if EOK_LMUL == 1
#define MB _b32
#define vmask vbool32_t
#elif EOK_LMUL == 2
#define MB _b16
#define vmask vbool16_t
#elif EOK_LMUL == 4
#define MB _b8
#define vmask vbool8_t
#else
#define MB _b4
#define vmask vbool4_t
#endif
#define FM(op) EOK_CAT(F(op), MB)
#define I2F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define F2I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

// Rounding through int32 with an explicit rounding mode, then back (exact below 2^24,
// round-to-nearest above).
#define ROUNDED(x, rm, vl) I2F(vfcvt_f_x_v)(EOK_CAT(F2I(vfcvt_x_f_v), _rm)(x, rm, vl), vl)

static inline vf32 op_abs(vf32 x, size_t vl) { return F(vfsgnj_vf)(x, 1.f, vl); }
static inline vf32 op_neg(vf32 x, size_t vl) { return F(vfneg_v)(x, vl); }
static inline vf32 op_floor(vf32 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RDN, vl); }
static inline vf32 op_ceil(vf32 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RUP, vl); }
static inline vf32 op_square(vf32 x, size_t vl) { return F(vfmul_vv)(x, x, vl); }
static inline vf32 op_sqrt(vf32 x, size_t vl) { return F(vfsqrt_v)(x, vl); }
// r * (1.5 - (x/2) * r*r): 0 and +Inf give NaN (0 * Inf in the step), as NCNN's layer.
static inline vf32 op_rsqrt(vf32 x, size_t vl)
{
  vf32 r = F(vfrsqrt7_v)(x, vl);
  vf32 t = F(vfmul_vv)(F(vfmul_vf)(x, 0.5f, vl), F(vfmul_vv)(r, r, vl), vl);
  return F(vfmul_vv)(F(vfrsub_vf)(t, 1.5f, vl), r, vl);
}
// r * (2 - x*r): 0 and +-Inf give NaN, inputs below 2^-128 (estimate Inf) give -sign(x)*Inf.
static inline vf32 op_reciprocal(vf32 x, size_t vl)
{
  vf32 r = F(vfrec7_v)(x, vl);
  return F(vfmul_vv)(F(vfrsub_vf)(F(vfmul_vv)(x, r, vl), 2.f, vl), r, vl);
}
static inline vf32 op_round(vf32 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RNE, vl); }
// NCNN's path for cores without vfcvt.rtz (its xtheadvector branch): round to nearest, step
// back by one where that went up (x >= 0) or down (x < 0). The emulator's translator asserts
// on vfcvt.rtz.x.f (and the compiler turns an RTZ rounding mode into it), so ker0 takes this
// path; results are those of the int32 truncation, saturation and NaN -> 2^31 included.
static inline vf32 op_trunc(vf32 x, size_t vl)
{
  vi32 xi = EOK_CAT(F2I(vfcvt_x_f_v), _rm)(x, __RISCV_FRM_RNE, vl);
  vf32 xf = I2F(vfcvt_f_x_v)(xi, vl);
  vmask went_up = FM(vmfgt_vv)(xf, x, vl);
  vmask went_down = FM(vmflt_vv)(xf, x, vl);
  vmask negative = FM(vmflt_vf)(x, 0.f, vl);
  vi32 fl = EOK_CAT(I(vsub_vx), _mu)(went_up, xi, xi, 1, vl);
  vi32 ce = EOK_CAT(I(vadd_vx), _mu)(went_down, xi, xi, 1, vl);
  return I2F(vfcvt_f_x_v)(I(vmerge_vvm)(fl, ce, negative, vl), vl);
}
// 1 above 0, -1 below, else (zeros, NaN) +0.
static inline vf32 op_sign(vf32 x, size_t vl)
{
  vmask pos = FM(vmfgt_vf)(x, 0.f, vl);
  vmask neg = FM(vmflt_vf)(x, 0.f, vl);
  vf32 r = F(vfmerge_vfm)(F(vfmv_v_f)(0.f, vl), 1.f, pos, vl);
  return F(vfmerge_vfm)(r, -1.f, neg, vl);
}

#define LOOP(NAME)                                                         \
  static void loop_##NAME(const float* x, float* y, long n)                \
  {                                                                        \
    for (long i = 0; i < n;) {                                             \
      size_t vl = VSETVL((size_t)(n - i));                                 \
      F(vse32_v)(y + i, op_##NAME(F(vle32_v)(x + i, vl), vl), vl);         \
      i += (long)vl;                                                       \
    }                                                                      \
  }
LOOP(abs)
LOOP(neg)
LOOP(floor)
LOOP(ceil)
LOOP(square)
LOOP(sqrt)
LOOP(rsqrt)
LOOP(reciprocal)
LOOP(round)
LOOP(trunc)
LOOP(sign)

// ---- transcendental ops (NCNN's rvv_mathfun approach), at LMUL min(EOK_LMUL, 4) ----
// At e32m8 their temporaries outgrow the 32 vector registers and clang spills whole 8-register
// groups (SIN: 11 spills/reloads per strip, 206k model cycles for 16384 values against 98k at
// m4; NCNN's e32m8 layer measures 142k), so EOK_LMUL = 8 runs them at m4.
#if EOK_LMUL == 8
#undef EOK_M
#undef MB
#undef vmask
#define EOK_M(prefix) EOK_CAT(prefix, 4)
#define MB _b8
#define vmask vbool8_t
#endif
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_u32m))
#define U2F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define F2U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_u32m))
#define vu32 EOK_CAT(EOK_M(vuint32m), _t)
#define AS_F32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))
#define AS_I32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_f32m), EOK_M(_i32m))
#define FMU(op) EOK_CAT(F(op), _mu)
#define MX(op) EOK_CAT(EOK_CAT(__riscv_, op), MB)

// exp: x clamped to +-88.3762626647949 (vfmin/vfmax: NaN becomes the upper bound), k =
// floor(x log2(e) + 1/2), r = x - k ln2 in two parts (0.693359375 has 9 bits, so k*C1 is
// exact), e^r by Cephes's degree-5 polynomial, times 2^k built in the exponent field: k = 128
// (x at the upper bound) gives +Inf, k = -127 (x below -87.7) gives 0, as NCNN's exp_ps.
#define EXP_HI 88.3762626647949f
static inline vf32 exp_ps(vf32 x, size_t vl)
{
  x = F(vfmax_vf)(F(vfmin_vf)(x, EXP_HI, vl), -EXP_HI, vl);
  vf32 fx = F(vfmacc_vf)(F(vfmv_v_f)(0.5f, vl), 1.44269504088896341f, x, vl);
  vi32 k = EOK_CAT(F2I(vfcvt_x_f_v), _rm)(fx, __RISCV_FRM_RDN, vl);
  vf32 fk = I2F(vfcvt_f_x_v)(k, vl);
  x = F(vfnmsac_vf)(x, 0.693359375f, fk, vl);
  x = F(vfnmsac_vf)(x, -2.12194440e-4f, fk, vl);
  vf32 p = F(vfmul_vf)(x, 1.9875691500e-4f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.3981999507e-3f, vl), x, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 8.3334519073e-3f, vl), x, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 4.1665795894e-2f, vl), x, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.6666665459e-1f, vl), x, vl);
  p = F(vfadd_vf)(p, 5.0000001201e-1f, vl);
  p = F(vfmacc_vv)(x, p, F(vfmul_vv)(x, x, vl), vl); // x + p x^2
  p = F(vfadd_vf)(p, 1.f, vl);
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(k, 127, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

// log: x <= 0 and NaN give NaN (NCNN: log(0) is NaN too, not -Inf). Subnormals are scaled by
// 2^23 first (NCNN reads their exponent field as if normal and is off by up to 16). x =
// m 2^e with m in [0.5, 1), moved to [sqrt(1/2), sqrt(2)), then log(1 + f) = f - f^2/2 +
// f^3 P(f) with Cephes's degree-8 P, plus e ln2 in two parts. +Inf reads as 2^128: 88.72.
static inline vf32 log_ps(vf32 x, size_t vl)
{
  x = F(vfmax_vf)(x, 0.f, vl);
  vmask invalid = FM(vmfle_vf)(x, 0.f, vl);
  vmask sub = FM(vmflt_vf)(x, 0x1p-126f, vl);
  x = FMU(vfmul_vf)(sub, x, x, 0x1p23f, vl);
  vi32 ux = AS_I32(x);
  vf32 e = I2F(vfcvt_f_x_v)(I(vsub_vx)(I(vsra_vx)(ux, 23, vl), 126, vl), vl);
  e = FMU(vfsub_vf)(sub, e, e, 23.f, vl);
  vf32 m = AS_F32(I(vor_vx)(I(vand_vx)(ux, ~0x7f800000, vl), 0x3f000000, vl));
  vmask lo = FM(vmflt_vf)(m, 0.707106781186547524f, vl);
  m = FMU(vfadd_vv)(lo, m, m, m, vl);
  m = F(vfsub_vf)(m, 1.f, vl);
  e = FMU(vfsub_vf)(lo, e, e, 1.f, vl);
  vf32 z = F(vfmul_vv)(m, m, vl);
  vf32 p = F(vfmul_vf)(m, 7.0376836292e-2f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -1.1514610310e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.1676998740e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -1.2420140846e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.4249322787e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -1.6668057665e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.0000714765e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -2.4999993993e-1f, vl), m, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 3.3333331174e-1f, vl), m, vl);
  p = F(vfmul_vv)(p, z, vl);
  p = F(vfmacc_vf)(p, -2.12194440e-4f, e, vl);
  p = F(vfnmsac_vf)(p, 0.5f, z, vl);
  m = F(vfadd_vv)(m, p, vl);
  m = F(vfmacc_vf)(m, 0.693359375f, e, vl);
  return F(vfmerge_vfm)(m, __builtin_nanf(""), invalid, vl);
}

// sin and cos of x: octant j = floor(|x| 4/pi) rounded up to even, r = |x| - j pi/4 with pi/4
// in three parts (exact products for j below 2^13: accurate for |x| <= 8192), Cephes's sin
// and cos polynomials on [-pi/4, pi/4], swapped and signed by j. |x| 4/pi at or above 2^32
// (Inf, NaN) saturates the conversion and leaves x unreduced, as NCNN's: sin(+-Inf),
// sin(NaN), cos(...) are NaN, sin(+-max) is -+Inf and cos(+-max) NaN. sin(-0) is +0.
static inline void sincos_ps(vf32 x, vf32* ys, vf32* yc, size_t vl)
{
  vmask neg_sin = FM(vmflt_vf)(x, 0.f, vl);
  x = F(vfsgnj_vf)(x, 1.f, vl);
  vu32 j = EOK_CAT(F2U(vfcvt_xu_f_v), _rm)(F(vfmul_vf)(x, 1.27323954473516f, vl),
                                            __RISCV_FRM_RDN, vl);
  j = U(vand_vx)(U(vadd_vx)(j, 1, vl), ~1u, vl);
  vf32 fj = U2F(vfcvt_f_xu_v)(j, vl);
  vmask swap = EOK_CAT(U(vmsne_vx), MB)(U(vand_vx)(j, 2, vl), 0, vl);
  x = F(vfmacc_vf)(x, -0.78515625f, fj, vl);
  x = F(vfmacc_vf)(x, -2.4187564849853515625e-4f, fj, vl);
  x = F(vfmacc_vf)(x, -3.77489497744594108e-8f, fj, vl);
  neg_sin = MX(vmxor_mm)(neg_sin, EOK_CAT(U(vmsne_vx), MB)(U(vand_vx)(j, 4, vl), 0, vl), vl);
  vmask cos_pos = EOK_CAT(U(vmsne_vx), MB)(U(vand_vx)(U(vsub_vx)(j, 2, vl), 4, vl), 0, vl);
  vf32 z = F(vfmul_vv)(x, x, vl);
  vf32 c = F(vfmul_vf)(z, 2.443315711809948e-5f, vl);
  c = F(vfmul_vv)(F(vfadd_vf)(c, -1.388731625493765e-3f, vl), z, vl);
  c = F(vfmul_vv)(F(vfadd_vf)(c, 4.166664568298827e-2f, vl), z, vl);
  c = F(vfmul_vv)(c, z, vl);
  c = F(vfnmsac_vf)(c, 0.5f, z, vl);
  c = F(vfadd_vf)(c, 1.f, vl);
  vf32 s = F(vfmul_vf)(z, -1.9515295891e-4f, vl);
  s = F(vfmul_vv)(F(vfadd_vf)(s, 8.3321608736e-3f, vl), z, vl);
  s = F(vfmul_vv)(F(vfadd_vf)(s, -1.6666654611e-1f, vl), z, vl);
  s = F(vfmacc_vv)(x, s, x, vl);
  vf32 sv = F(vmerge_vvm)(s, c, swap, vl);
  vf32 cv = F(vmerge_vvm)(c, s, swap, vl);
  *ys = FMU(vfneg_v)(neg_sin, sv, sv, vl);
  *yc = F(vfneg_v)(FMU(vfneg_v)(cos_pos, cv, cv, vl), vl);
}

// tanh: |x| below 1e-4 (and NaN) passes through; else |x| clamped to 9 and a 13/6 rational
// function in x^2 (the coefficients NCNN's tanh_ps uses), sign put back.
static inline vf32 tanh_ps(vf32 x, size_t vl)
{
  vf32 a = F(vfsgnj_vf)(x, 1.f, vl);
  vmask big = FM(vmfge_vf)(a, 1e-4f, vl);
  a = F(vfmin_vf)(a, 9.f, vl);
  vf32 z = F(vfmul_vv)(a, a, vl);
  vf32 p = F(vfmul_vf)(z, -2.76076847742355e-16f, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 2.00018790482477e-13f, vl), z, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, -8.60467152213735e-11f, vl), z, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 5.12229709037114e-8f, vl), z, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 1.48572235717979e-5f, vl), z, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 6.37261928875436e-4f, vl), z, vl);
  p = F(vfmul_vv)(F(vfadd_vf)(p, 4.89352455891786e-3f, vl), a, vl);
  vf32 q = F(vfmul_vf)(z, 1.19825839466702e-6f, vl);
  q = F(vfmul_vv)(F(vfadd_vf)(q, 1.18534705686654e-4f, vl), z, vl);
  q = F(vfmul_vv)(F(vfadd_vf)(q, 2.26843463243900e-3f, vl), z, vl);
  q = F(vfadd_vf)(q, 4.89352518554385e-3f, vl);
  vf32 t = F(vfsgnj_vv)(F(vfdiv_vv)(p, q, vl), x, vl);
  return F(vmerge_vvm)(x, t, big, vl);
}

// e^x - 1 and log(1 + x): below |x| = 1e-4 the cubic x + x^2 (1/2 + x/6) resp. x + x^2 (-1/2
// + x/3), else exp(x) - 1 resp. log(x + 1) (NCNN's forms: up to an ulp of 1 absolute error
// from the subtraction or the rounded 1 + x).
static inline vf32 expm1_ps(vf32 x, size_t vl)
{
  vf32 c = F(vfmacc_vv)(x, F(vfmul_vv)(x, x, vl),
                        F(vfmacc_vf)(F(vfmv_v_f)(0.5f, vl), 1.f / 6.f, x, vl), vl);
  vf32 y = F(vfsub_vf)(exp_ps(x, vl), 1.f, vl);
  return F(vmerge_vvm)(y, c, FM(vmflt_vf)(F(vfsgnj_vf)(x, 1.f, vl), 1e-4f, vl), vl);
}
static inline vf32 log1p_ps(vf32 x, size_t vl)
{
  vf32 c = F(vfmacc_vv)(x, F(vfmul_vv)(x, x, vl),
                        F(vfmacc_vf)(F(vfmv_v_f)(-0.5f, vl), 1.f / 3.f, x, vl), vl);
  vf32 y = log_ps(F(vfadd_vf)(x, 1.f, vl), vl);
  return F(vmerge_vvm)(y, c, FM(vmflt_vf)(F(vfsgnj_vf)(x, 1.f, vl), 1e-4f, vl), vl);
}

static inline vf32 op_exp(vf32 x, size_t vl) { return exp_ps(x, vl); }
static inline vf32 op_log(vf32 x, size_t vl) { return log_ps(x, vl); }
static inline vf32 op_sin(vf32 x, size_t vl)
{
  vf32 s, c;
  sincos_ps(x, &s, &c, vl);
  return s;
}
static inline vf32 op_cos(vf32 x, size_t vl)
{
  vf32 s, c;
  sincos_ps(x, &s, &c, vl);
  return c;
}
static inline vf32 op_tan(vf32 x, size_t vl)
{
  vf32 s, c;
  sincos_ps(x, &s, &c, vl);
  return F(vfdiv_vv)(s, c, vl);
}
static inline vf32 op_tanh(vf32 x, size_t vl) { return tanh_ps(x, vl); }
static inline vf32 op_log10(vf32 x, size_t vl)
{
  return F(vfmul_vf)(log_ps(x, vl), 0.434294481903f, vl);
}
static inline vf32 op_expm1(vf32 x, size_t vl) { return expm1_ps(x, vl); }
// (expm1(x) - expm1(-x)) / 2 and (exp(x) + exp(-x)) / 2: NaN gives NaN resp. +Inf (exp
// takes NaN as its upper bound), overflow to Inf from |x| = 88.38.
static inline vf32 op_sinh(vf32 x, size_t vl)
{
  vf32 d = F(vfsub_vv)(expm1_ps(x, vl), expm1_ps(F(vfneg_v)(x, vl), vl), vl);
  return F(vfmul_vf)(d, 0.5f, vl);
}
static inline vf32 op_cosh(vf32 x, size_t vl)
{
  vf32 s = F(vfadd_vv)(exp_ps(x, vl), exp_ps(F(vfneg_v)(x, vl), vl), vl);
  return F(vfmul_vf)(s, 0.5f, vl);
}
// log(|x| + sqrt(x^2 + 1)) with x's sign; above |x| = 1e19 log|x| + ln2 (x^2 would
// overflow): +-Inf gives +-(log(Inf) + ln2) = +-129 ln2.
static inline vf32 op_asinh(vf32 x, size_t vl)
{
  vf32 a = F(vfsgnj_vf)(x, 1.f, vl);
  vf32 y = log_ps(F(vfadd_vv)(a, F(vfsqrt_v)(F(vfmacc_vv)(F(vfmv_v_f)(1.f, vl), a, a, vl), vl), vl), vl);
  vf32 big = F(vfadd_vf)(log_ps(a, vl), 0.6931471805599453f, vl);
  y = F(vmerge_vvm)(y, big, FM(vmfgt_vf)(a, 1e19f, vl), vl);
  return F(vfsgnj_vv)(y, x, vl);
}
// log(x + sqrt(x - 1) sqrt(x + 1)); above 1e19 log(x) + ln2. x < 1 gives NaN (sqrt).
static inline vf32 op_acosh(vf32 x, size_t vl)
{
  vf32 r = F(vfmul_vv)(F(vfsqrt_v)(F(vfsub_vf)(x, 1.f, vl), vl),
                       F(vfsqrt_v)(F(vfadd_vf)(x, 1.f, vl), vl), vl);
  vf32 y = log_ps(F(vfadd_vv)(x, r, vl), vl);
  vf32 big = F(vfadd_vf)(log_ps(x, vl), 0.6931471805599453f, vl);
  return F(vmerge_vvm)(y, big, FM(vmfgt_vf)(x, 1e19f, vl), vl);
}
// (log1p(x) - log1p(-x)) / 2: +-1 gives NaN (log(0) is NaN here), |x| > 1 NaN.
static inline vf32 op_atanh(vf32 x, size_t vl)
{
  vf32 d = F(vfsub_vv)(log1p_ps(x, vl), log1p_ps(F(vfneg_v)(x, vl), vl), vl);
  return F(vfmul_vf)(d, 0.5f, vl);
}
static inline vf32 op_log1p(vf32 x, size_t vl) { return log1p_ps(x, vl); }

LOOP(exp)
LOOP(log)
LOOP(sin)
LOOP(cos)
LOOP(tan)
LOOP(tanh)
LOOP(log10)
LOOP(expm1)
LOOP(sinh)
LOOP(asinh)
LOOP(cosh)
LOOP(acosh)
LOOP(atanh)
LOOP(log1p)

// ASIN, ACOS, ATAN: libm per element, as NCNN's layer (its vector lanes go through a buffer
// to asinf/acosf/atanf).
#define SCALAR(NAME, FN)                                                   \
  static void loop_##NAME(const float* x, float* y, long n)                \
  {                                                                        \
    for (long i = 0; i < n; ++i) {                                         \
      y[i] = FN(x[i]);                                                     \
    }                                                                      \
  }
SCALAR(asin, asinf)
SCALAR(acos, acosf)
SCALAR(atan, atanf)

void eok_unaryop_f32(const float* x, float* y, long n, long op)
{
  switch (op) { // NCNN's op_type numbers
  case 0: loop_abs(x, y, n); break;
  case 1: loop_neg(x, y, n); break;
  case 2: loop_floor(x, y, n); break;
  case 3: loop_ceil(x, y, n); break;
  case 4: loop_square(x, y, n); break;
  case 5: loop_sqrt(x, y, n); break;
  case 6: loop_rsqrt(x, y, n); break;
  case 15: loop_reciprocal(x, y, n); break;
  case 18: loop_round(x, y, n); break;
  case 19: loop_trunc(x, y, n); break;
  case 20: loop_sign(x, y, n); break;
  case 7: loop_exp(x, y, n); break;
  case 8: loop_log(x, y, n); break;
  case 9: loop_sin(x, y, n); break;
  case 10: loop_cos(x, y, n); break;
  case 11: loop_tan(x, y, n); break;
  case 12: loop_asin(x, y, n); break;
  case 13: loop_acos(x, y, n); break;
  case 14: loop_atan(x, y, n); break;
  case 16: loop_tanh(x, y, n); break;
  case 17: loop_log10(x, y, n); break;
  case 21: loop_expm1(x, y, n); break;
  case 22: loop_sinh(x, y, n); break;
  case 23: loop_asinh(x, y, n); break;
  case 24: loop_cosh(x, y, n); break;
  case 25: loop_acosh(x, y, n); break;
  case 26: loop_atanh(x, y, n); break;
  case 27: loop_log1p(x, y, n); break;
  default: break;
  }
}
