// eok ker0: NCNN UnaryOp on fp16 storage (UnaryOp_riscv's forward_inplace_fp16s, Zvfh), all
// 28 op types, RVV 1.0 intrinsics; one strip-mined loop per op, in-place semantics.
// - ABS, NEG, FLOOR, CEIL, SQUARE, SQRT, RSQRT, RECIPROCAL, ROUND, TRUNC and SIGN in fp16
//   arithmetic with NCNN's fp16 instruction sequences: the rounding ops through int16
//   (vfcvt.x.f to int16 with the rounding mode and back, so they saturate at -32768 and 32767,
//   which fp16 rounds to 32768, and NaN gives 32768), RSQRT and RECIPROCAL as the fp16 7-bit
//   estimates and one Newton step computed in fp16 (so the step overflows fp16 for tiny
//   inputs: RSQRT of x below about 2^-16 is -Inf, RECIPROCAL of |x| < 2^-16 is -sign(x) Inf).
// - The transcendental ops widen to fp32 (vfwcvt), run nn/unaryop's fp32 functions and narrow
//   once (vfncvt, to nearest even); ASIN, ACOS, ATAN are libm's fp32 functions per element,
//   as NCNN. NCNN's fp16 layer evaluates its Cephes polynomials in fp16 instead
//   (rvv_mathfun_fp16s.h), which is many ulps off where a reduction or a subtraction loses
//   fp16 bits (sin/cos beyond 2pi, exp clamped at 10.74 below fp16's overflow at 11.09,
//   log1p and expm1 without their small-|x| forms); the task's contract is the accurate one.
// - SIN and COS run NCNN's fp16 sequence where it is accurate (strips of inputs all in
//   octants up to 16, |x| up to about 12.96: within 5 and 2 ulps) and the widened functions
//   elsewhere.
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

// fp16 ops at EOK_LMUL.
#define EOK_H(prefix) EOK_CAT(prefix, EOK_LMUL)
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_H(_f16m))
#define HI(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_H(_i16m))
#define H2I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_H(_i16m))
#if EOK_LMUL == 1
#define HB _b16
#define hmask vbool16_t
#elif EOK_LMUL == 2
#define HB _b8
#define hmask vbool8_t
#elif EOK_LMUL == 4
#define HB _b4
#define hmask vbool4_t
#else
#define HB _b2
#define hmask vbool2_t
#endif
#define HM(op) EOK_CAT(H(op), HB)
#define vf16 EOK_CAT(EOK_H(vfloat16m), _t)
#define vi16 EOK_CAT(EOK_H(vint16m), _t)
#define VSETVL_H EOK_H(__riscv_vsetvl_e16m)

// Widened ops: fp16 at EOK_WL (EOK_LMUL, at most 2), fp32 at twice it: at e32m8 the
// polynomial ops' temporaries outgrow the 32 vector registers and clang spills (nn/unaryop).
#if EOK_LMUL == 1
#define EOK_WL 1
#else
#define EOK_WL 2
#endif
#if EOK_WL == 1
#define EOK_WIDE 2
#define MB _b16
#define vmask vbool16_t
#else
#define EOK_WIDE 4
#define MB _b8
#define vmask vbool8_t
#endif
#define EOK_M(prefix) EOK_CAT(prefix, EOK_WIDE)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define FM(op) EOK_CAT(F(op), MB)
#define I2F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define F2I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define vf16w EOK_CAT(EOK_CAT(vfloat16m, EOK_WL), _t)
#define VSETVL_W EOK_CAT(__riscv_vsetvl_e16m, EOK_WL)
#define LOAD_W EOK_CAT(__riscv_vle16_v_f16m, EOK_WL)
#define STORE_W EOK_CAT(__riscv_vse16_v_f16m, EOK_WL)
#define WIDEN EOK_CAT(__riscv_vfwcvt_f_f_v_f32m, EOK_WIDE)
#define NARROW EOK_CAT(__riscv_vfncvt_f_f_w_f16m, EOK_WL)

// ---- fp16 ops (NCNN's fp16 sequences) ----
#define ROUNDED(x, rm, vl) H(vfcvt_f_x_v)(EOK_CAT(H2I(vfcvt_x_f_v), _rm)(x, rm, vl), vl)

static inline vf16 op_abs(vf16 x, size_t vl) { return H(vfsgnj_vf)(x, (_Float16)1.f, vl); }
static inline vf16 op_neg(vf16 x, size_t vl) { return H(vfneg_v)(x, vl); }
static inline vf16 op_floor(vf16 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RDN, vl); }
static inline vf16 op_ceil(vf16 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RUP, vl); }
static inline vf16 op_round(vf16 x, size_t vl) { return ROUNDED(x, __RISCV_FRM_RNE, vl); }
static inline vf16 op_square(vf16 x, size_t vl) { return H(vfmul_vv)(x, x, vl); }
static inline vf16 op_sqrt(vf16 x, size_t vl) { return H(vfsqrt_v)(x, vl); }
// r * (1.5 - (x/2) * r*r) in fp16: 0 and +Inf give NaN; r*r overflows for x below ~2^-16.
static inline vf16 op_rsqrt(vf16 x, size_t vl)
{
  vf16 r = H(vfrsqrt7_v)(x, vl);
  vf16 t = H(vfmul_vv)(H(vfmul_vf)(x, (_Float16)0.5f, vl), H(vfmul_vv)(r, r, vl), vl);
  return H(vfmul_vv)(H(vfrsub_vf)(t, (_Float16)1.5f, vl), r, vl);
}
// r * (2 - x*r) in fp16: 0 and +-Inf give NaN; the estimate overflows for |x| < 2^-16.
static inline vf16 op_reciprocal(vf16 x, size_t vl)
{
  vf16 r = H(vfrec7_v)(x, vl);
  return H(vfmul_vv)(H(vfrsub_vf)(H(vfmul_vv)(x, r, vl), (_Float16)2.f, vl), r, vl);
}
// Round to nearest and step back towards zero (NCNN's path without vfcvt.rtz, which the
// emulator's translator does not take): int16 truncation, saturation included.
static inline vf16 op_trunc(vf16 x, size_t vl)
{
  vi16 xi = EOK_CAT(H2I(vfcvt_x_f_v), _rm)(x, __RISCV_FRM_RNE, vl);
  vf16 xf = H(vfcvt_f_x_v)(xi, vl);
  hmask went_up = HM(vmfgt_vv)(xf, x, vl);
  hmask went_down = HM(vmflt_vv)(xf, x, vl);
  hmask negative = HM(vmflt_vf)(x, (_Float16)0.f, vl);
  vi16 fl = EOK_CAT(HI(vsub_vx), _mu)(went_up, xi, xi, 1, vl);
  vi16 ce = EOK_CAT(HI(vadd_vx), _mu)(went_down, xi, xi, 1, vl);
  return H(vfcvt_f_x_v)(HI(vmerge_vvm)(fl, ce, negative, vl), vl);
}
static inline vf16 op_sign(vf16 x, size_t vl)
{
  hmask pos = HM(vmfgt_vf)(x, (_Float16)0.f, vl);
  hmask neg = HM(vmflt_vf)(x, (_Float16)0.f, vl);
  vf16 r = H(vfmerge_vfm)(H(vfmv_v_f)((_Float16)0.f, vl), (_Float16)1.f, pos, vl);
  return H(vfmerge_vfm)(r, (_Float16)-1.f, neg, vl);
}

// ---- widened ops: nn/unaryop's fp32 functions ----
// ---- transcendental ops (NCNN's rvv_mathfun approach) ----
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


// ---- SIN and COS in fp16 arithmetic where NCNN's fp16 sequence is accurate ----
// At EOK_SL = EOK_LMUL, at most 4: at e16m8 the sequence's temporaries spill (clang 22;
// X60 sched model, SIN of 16384 values: 76110 cycles at m8, 61515 at m4, 69200 at m2).
#if EOK_LMUL == 8
#define EOK_SL 4
#define SB _b4
#define smask vbool4_t
#else
#define EOK_SL EOK_LMUL
#define SB HB
#define smask hmask
#endif
#define EOK_S(prefix) EOK_CAT(prefix, EOK_SL)
#define S(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_S(_f16m))
#define SM(op) EOK_CAT(S(op), SB)
#define SU(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_S(_u16m))
#define vs16 EOK_CAT(EOK_S(vfloat16m), _t)
#define vsu16 EOK_CAT(EOK_S(vuint16m), _t)

// sin and cos (want_cos) as NCNN's fp16 layer computes them (rvv_mathfun_fp16s.h's sincos_ps,
// every step an fp16 multiply or add): octant j = |x| 4/pi converted to the nearest integer
// and made even, r = |x| - j pi/4 with pi/4 in three fp16 parts, Cephes's sin and cos
// polynomials with fp16 coefficients, swapped and signed by j. Over every fp16 input below 16
// sin is within 5 fp16 ulps and cos within 2 (tests/kernels/unaryop_f16_test.c); from 16.1 on
// the fp16 reduction loses the result (sin up to 47104 ulps off). *small counts the lanes in
// octants up to 16 (|x| up to about 12.96), where loop_sin and loop_cos keep this result;
// strips with larger, Inf or NaN inputs go to the widened fp32 functions. sin(-0) is +0, as
// the widened one's.
static inline vs16 sincos_h(vs16 x, int want_cos, size_t* small, size_t vl)
{
  smask neg_sin = SM(vmflt_vf)(x, (_Float16)0.f, vl);
  x = S(vfsgnj_vf)(x, (_Float16)1.f, vl);
  vsu16 j = EOK_CAT(EOK_S(__riscv_vfcvt_xu_f_v_u16m), _rm)(
      S(vfmul_vf)(x, (_Float16)1.27323954473516f, vl), __RISCV_FRM_RNE, vl);
  // Octants up to 16 (|x| up to about 12.96; Inf and NaN convert to 65535): the lanes where
  // this sequence is accurate.
  *small = EOK_CAT(__riscv_vcpop_m, SB)(EOK_CAT(SU(vmsleu_vx), SB)(j, 16, vl), vl);
  j = SU(vand_vx)(SU(vadd_vx)(j, 1, vl), (uint16_t)~1u, vl);
  vs16 fj = EOK_S(__riscv_vfcvt_f_xu_v_f16m)(j, vl);
  smask swap = EOK_CAT(SU(vmsne_vx), SB)(SU(vand_vx)(j, 2, vl), 0, vl);
  x = S(vfadd_vv)(x, S(vfmul_vf)(fj, (_Float16)-0.78515625f, vl), vl);
  x = S(vfadd_vv)(x, S(vfmul_vf)(fj, (_Float16)-2.4187564849853515625e-4f, vl), vl);
  x = S(vfadd_vv)(x, S(vfmul_vf)(fj, (_Float16)-3.77489497744594108e-8f, vl), vl);
  vs16 z = S(vfmul_vv)(x, x, vl);
  vs16 c = S(vfmul_vf)(z, (_Float16)2.443315711809948e-5f, vl);
  c = S(vfmul_vv)(S(vfadd_vf)(c, (_Float16)-1.388731625493765e-3f, vl), z, vl);
  c = S(vfmul_vv)(S(vfadd_vf)(c, (_Float16)4.166664568298827e-2f, vl), z, vl);
  c = S(vfmul_vv)(c, z, vl);
  c = S(vfsub_vv)(c, S(vfmul_vf)(z, (_Float16)0.5f, vl), vl);
  c = S(vfadd_vf)(c, (_Float16)1.f, vl);
  vs16 s = S(vfmul_vf)(z, (_Float16)-1.9515295891e-4f, vl);
  s = S(vfmul_vv)(S(vfadd_vf)(s, (_Float16)8.3321608736e-3f, vl), z, vl);
  s = S(vfmul_vv)(S(vfadd_vf)(s, (_Float16)-1.6666654611e-1f, vl), z, vl);
  s = S(vfadd_vv)(S(vfmul_vv)(s, x, vl), x, vl);
  if (want_cos) {
    // cos is negative where bit 2 of j - 2 is clear.
    smask cos_neg = EOK_CAT(SU(vmseq_vx), SB)(SU(vand_vx)(SU(vsub_vx)(j, 2, vl), 4, vl), 0, vl);
    vs16 v = S(vmerge_vvm)(c, s, swap, vl);
    return EOK_CAT(S(vfneg_v), _mu)(cos_neg, v, v, vl);
  }
  neg_sin = EOK_CAT(__riscv_vmxor_mm, SB)(
      neg_sin, EOK_CAT(SU(vmsne_vx), SB)(SU(vand_vx)(j, 4, vl), 0, vl), vl);
  vs16 v = S(vmerge_vvm)(s, c, swap, vl);
  return EOK_CAT(S(vfneg_v), _mu)(neg_sin, v, v, vl);
}

// A strip (EOK_SL) whose inputs all fall in octants up to 16 (so no Inf or NaN) keeps
// sincos_h's result; any other goes through the widened function in pieces of the widened
// ops' width.
#define SINCOS_LOOP(NAME, WANT_COS)                                                   \
  static void loop_##NAME(const _Float16* x, _Float16* y, long n)                     \
  {                                                                                   \
    for (long i = 0; i < n;) {                                                        \
      size_t vl = EOK_S(__riscv_vsetvl_e16m)((size_t)(n - i));                        \
      size_t small;                                                                   \
      vs16 r = sincos_h(S(vle16_v)(x + i, vl), WANT_COS, &small, vl);                 \
      if (small == vl) {                                                              \
        S(vse16_v)(y + i, r, vl);                                                     \
      } else {                                                                        \
        for (long k = i; k < i + (long)vl;) {                                         \
          size_t wl = VSETVL_W((size_t)(i + (long)vl - k));                           \
          STORE_W(y + k, NARROW(op_##NAME(WIDEN(LOAD_W(x + k, wl), wl), wl), wl), wl); \
          k += (long)wl;                                                              \
        }                                                                             \
      }                                                                               \
      i += (long)vl;                                                                  \
    }                                                                                 \
  }
SINCOS_LOOP(sin, 0)
SINCOS_LOOP(cos, 1)

#define HLOOP(NAME)                                                        \
  static void loop_##NAME(const _Float16* x, _Float16* y, long n)          \
  {                                                                        \
    for (long i = 0; i < n;) {                                             \
      size_t vl = VSETVL_H((size_t)(n - i));                               \
      H(vse16_v)(y + i, op_##NAME(H(vle16_v)(x + i, vl), vl), vl);         \
      i += (long)vl;                                                       \
    }                                                                      \
  }
#define WLOOP(NAME)                                                        \
  static void loop_##NAME(const _Float16* x, _Float16* y, long n)          \
  {                                                                        \
    for (long i = 0; i < n;) {                                             \
      size_t vl = VSETVL_W((size_t)(n - i));                               \
      vf32 v = op_##NAME(WIDEN(LOAD_W(x + i, vl), vl), vl);                \
      STORE_W(y + i, NARROW(v, vl), vl);                                   \
      i += (long)vl;                                                       \
    }                                                                      \
  }
#define SCALAR(NAME, FN)                                                   \
  static void loop_##NAME(const _Float16* x, _Float16* y, long n)          \
  {                                                                        \
    for (long i = 0; i < n; ++i) {                                         \
      y[i] = (_Float16)FN((float)x[i]);                                    \
    }                                                                      \
  }
HLOOP(abs)
HLOOP(neg)
HLOOP(floor)
HLOOP(ceil)
HLOOP(square)
HLOOP(sqrt)
HLOOP(rsqrt)
HLOOP(reciprocal)
HLOOP(round)
HLOOP(trunc)
HLOOP(sign)
WLOOP(exp)
WLOOP(log)
WLOOP(tan)
WLOOP(tanh)
WLOOP(log10)
WLOOP(expm1)
WLOOP(sinh)
WLOOP(asinh)
WLOOP(cosh)
WLOOP(acosh)
WLOOP(atanh)
WLOOP(log1p)
// ASIN, ACOS, ATAN: libm's fp32 functions per element, as NCNN's fp16 layer.
SCALAR(asin, asinf)
SCALAR(acos, acosf)
SCALAR(atan, atanf)

void eok_unaryop_f16(const _Float16* x, _Float16* y, long n, long op)
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
