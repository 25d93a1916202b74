// eok ker0: NCNN UnaryOp's exact and Newton-refined ops on fp32, RVV 1.0 intrinsics, written
// the way NCNN's UnaryOp_riscv does it: one strip-mined loop per op (the op chosen once, as
// NCNN's templates), in place semantics (y may be x). FLOOR, CEIL, ROUND and TRUNC convert to
// int32 and back with the rounding mode they need (vfcvt.x.f with RDN, RUP, RNE; TRUNC from the nearest integer, adjusted),
// so they saturate at int32 and turn NaN into 2^31; RSQRT and RECIPROCAL are the 7-bit
// estimates vfrsqrt7/vfrec7 refined by one Newton-Raphson step; SIGN is two compares and
// merges.
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
  default: break;
  }
}
