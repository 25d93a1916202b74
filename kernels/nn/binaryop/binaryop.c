// eok ker0: NCNN BinaryOp (op types 0..18: ADD, SUB, MUL, DIV, MAX, MIN, POW, RSUB, RDIV,
// RPOW, ATAN2, RATAN2, FMOD, RFMOD, LOGADDEXP, FLOOR_DIVIDE, RFLOOR_DIVIDE, REMAINDER,
// RREMAINDER) over fp32 blobs of c channel groups x h rows x w columns x pack lanes, with
// NCNN's broadcasts (kernel.toml lists the forms), RVV 1.0 intrinsics, written the way NCNN's
// BinaryOp_riscv does it: the op is chosen once (one loop per op, as NCNN's templates), a
// channel (or, for the broadcasts inside a channel, a row) is strip-mined over its
// contiguous values, a scalar operand uses the .vf form (a splat where the op has none), a
// broadcast operand of elempack 8 is one vector of its 8 lanes repeated across the register
// group. A smaller a swaps the operands and runs the reverse op (SUB <-> RSUB, POW <-> RPOW,
// ...), as NCNN's forward does.
//
// POW is NCNN's vector exp(y * log|x|) (rvv_mathfun's pow_ps), with this file's own log and
// exp, plus what NCNN's vector form lacks and its naive layer (powf) has: negative bases
// (sign from an odd integer exponent, NaN for a non-integer one), subnormal bases, results
// that overflow to Inf or underflow through the subnormals, and C's exact cases (pow(x, +-0),
// pow(1, y) and pow(-1, +-Inf) are 1, pow(x, 1) is x). LOGADDEXP is NCNN's logaddexp_ps,
// max + log(1 + exp(min - max)) with vfmax/vfmin, the same log and exp. FLOOR_DIVIDE is vfdiv
// and a floor, as NCNN's floor_divide_ps. ATAN2 is per-element libm atan2f, as NCNN's RVV
// layer does (its atan2_ps stores the vectors and calls atan2f lane by lane), without the
// round trip; FMOD and REMAINDER are per-element libm too, for the naive layer's exact
// fmodf/remainderf.
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
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_u32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vu32 EOK_CAT(EOK_M(vuint32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define VSETVLMAX EOK_M(__riscv_vsetvlmax_e32m)
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
#define FMU(op) EOK_CAT(F(op), _mu)
#define IM(op) EOK_CAT(I(op), MB)
#define MM(op) EOK_CAT(EOK_CAT(__riscv_, op), MB)
#define AS_F(v) EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))(v)
#define AS_I(v) EOK_CAT(EOK_M(__riscv_vreinterpret_v_f32m), EOK_M(_i32m))(v)

enum {
  op_add = 0, op_sub, op_mul, op_div, op_max, op_min, op_pow, op_rsub, op_rdiv, op_rpow,
  op_atan2, op_ratan2, op_fmod, op_rfmod, op_logaddexp, op_fdiv, op_rfdiv, op_remainder,
  op_rremainder
};

// floorf(q): through int32 rounded down (vfcvt.x.f with RDN) where |q| < 2^23, q itself
// above (already an integer), for Inf and NaN; the sign copied back keeps floor(-0) = -0.
static inline vf32 floor_v(vf32 q, size_t vl)
{
  vf32 fl = F(vfcvt_f_x_v)(EOK_CAT(I(vfcvt_x_f_v), _rm)(q, __RISCV_FRM_RDN, vl), vl);
  fl = F(vfsgnj_vv)(fl, q, vl);
  return F(vmerge_vvm)(q, fl, FM(vmflt_vf)(F(vfabs_v)(q, vl), 0x1p23f, vl), vl);
}

// log(x) for x >= 0, NaN or +Inf (the caller passes |base|). x = 2^k * m with m in
// [sqrt(1/2), sqrt(2)) (subnormals scaled by 2^24 first), log(m) = 2 atanh(s) with
// s = (m - 1) / (m + 1), |s| <= 0.1716: the odd series to s^11 is within 2e-9 of it.
// log(x) = k * ln2_hi (exact: k has 8 bits, ln2_hi 9) + (k * ln2_lo + log(m)), one rounding
// of the sum: within a few 2^-24 relative. 0 gives -Inf; +Inf and NaN pass through.
static inline vf32 log_v(vf32 x, size_t vl)
{
  vmask sub = FM(vmflt_vf)(x, 0x1p-126f, vl);
  vf32 xs = FMU(vfmul_vf)(sub, x, x, 0x1p24f, vl);
  vi32 bits = AS_I(xs);
  vi32 k = I(vsra_vx)(I(vsub_vx)(bits, 0x3f3504f3, vl), 23, vl); // exponent of x / sqrt(1/2)
  vf32 m = AS_F(I(vsub_vv)(bits, I(vsll_vx)(k, 23, vl), vl));
  vf32 kf = F(vfcvt_f_x_v)(k, vl);
  kf = FMU(vfsub_vf)(sub, kf, kf, 24.f, vl);
  vf32 s = F(vfdiv_vv)(F(vfsub_vf)(m, 1.f, vl), F(vfadd_vf)(m, 1.f, vl), vl);
  vf32 z = F(vfmul_vv)(s, s, vl);
  vf32 p = F(vfadd_vf)(F(vfmul_vf)(z, 2.f / 11.f, vl), 2.f / 9.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, z, vl), 2.f / 7.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, z, vl), 2.f / 5.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, z, vl), 2.f / 3.f, vl);
  p = F(vfmul_vv)(F(vfmul_vv)(p, z, vl), s, vl);             // log(m) - 2s
  p = F(vfmacc_vf)(F(vfadd_vv)(p, s, vl), -2.12194440e-4f, kf, vl); // + s + k ln2_lo
  vf32 r = F(vfmacc_vf)(F(vfadd_vv)(p, s, vl), 0.693359375f, kf, vl); // + s + k ln2_hi
  r = F(vfmerge_vfm)(r, -__builtin_inff(), FM(vmfeq_vf)(x, 0.f, vl), vl);
  return F(vmerge_vvm)(x, r, FM(vmflt_vf)(x, __builtin_inff(), vl), vl); // +Inf, NaN: x
}

// exp(t): n = round(t / ln2), r = t - n ln2 (two-part ln2, |r| <= 0.347), e^r by its Taylor
// series to r^7 (within 5e-9), times 2^n in two steps 2^(n/2) 2^(n - n/2) so that results
// overflow to Inf above 88.72 and underflow through the subnormals to 0 (t clamped to
// [-110, 89] first, which keeps n an int32 and both steps normal). NaN passes through.
static inline vf32 exp_v(vf32 t, size_t vl)
{
  vf32 tc = F(vfmax_vf)(F(vfmin_vf)(t, 89.f, vl), -110.f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(tc, 1.44269504f, vl), vl);
  vf32 nf = F(vfcvt_f_x_v)(n, vl);
  vf32 r = F(vfnmsac_vf)(tc, 0.693359375f, nf, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, nf, vl);
  vf32 p = F(vfadd_vf)(F(vfmul_vf)(r, 1.f / 5040.f, vl), 1.f / 720.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 1.f / 120.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 1.f / 24.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 1.f / 6.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 0.5f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 1.f, vl);
  p = F(vfadd_vf)(F(vfmul_vv)(p, r, vl), 1.f, vl);
  vi32 n1 = I(vsra_vx)(n, 1, vl);
  vi32 n2 = I(vsub_vv)(n, n1, vl);
  p = F(vfmul_vv)(p, AS_F(I(vsll_vx)(I(vadd_vx)(n1, 127, vl), 23, vl)), vl);
  p = F(vfmul_vv)(p, AS_F(I(vsll_vx)(I(vadd_vx)(n2, 127, vl), 23, vl)), vl);
  return F(vmerge_vvm)(p, t, FM(vmfne_vv)(t, t, vl), vl);
}

// powf(x, y): exp(y log|x|), then the sign and C's special cases. An exponent is an integer
// when rounding it to int32 and back gives it (or |y| >= 2^24, all even); it is odd when
// that integer is odd. (Rounded to nearest, not truncated: QEMU 7.2, the test runner, aborts
// on vfcvt.rtz.)
static inline vf32 pow_v(vf32 x, vf32 y, size_t vl)
{
  vf32 ax = F(vfabs_v)(x, vl);
  vf32 r = exp_v(F(vfmul_vv)(y, log_v(ax, vl), vl), vl);
  vf32 ay = F(vfabs_v)(y, vl);
  vmask small = FM(vmflt_vf)(ay, 0x1p24f, vl);
  vi32 yi = I(vfcvt_x_f_v)(y, vl);
  vmask is_int = MM(vmor_mm)(FM(vmfeq_vv)(F(vfcvt_f_x_v)(yi, vl), y, vl),
                             MM(vmnot_m)(small, vl), vl);
  is_int = MM(vmand_mm)(is_int, FM(vmfeq_vv)(y, y, vl), vl); // NaN is not an integer
  vmask odd = MM(vmand_mm)(IM(vmsne_vx)(I(vand_vx)(yi, 1, vl), 0, vl), small, vl);
  odd = MM(vmand_mm)(odd, is_int, vl);
  vmask neg = IM(vmslt_vx)(AS_I(x), 0, vl); // sign bit set, -0 and -Inf included
  r = FMU(vfneg_v)(MM(vmand_mm)(neg, odd, vl), r, r, vl);
  vmask bad = MM(vmandn_mm)(MM(vmand_mm)(FM(vmflt_vf)(x, 0.f, vl),
                                         FM(vmfgt_vf)(x, -__builtin_inff(), vl), vl),
                            is_int, vl); // finite negative base, non-integer exponent
  r = F(vfmerge_vfm)(r, __builtin_nanf(""), bad, vl);
  vmask one = MM(vmor_mm)(FM(vmfeq_vf)(y, 0.f, vl), FM(vmfeq_vf)(x, 1.f, vl), vl);
  one = MM(vmor_mm)(one, MM(vmand_mm)(FM(vmfeq_vf)(ax, 1.f, vl),
                                      FM(vmfeq_vf)(ay, __builtin_inff(), vl), vl), vl);
  r = F(vfmerge_vfm)(r, 1.f, one, vl);
  // pow(x, 1) = x exactly: through exp(log x) the largest finite x would round up to Inf.
  return F(vmerge_vvm)(r, x, FM(vmfeq_vf)(y, 1.f, vl), vl);
}

// logaddexp(x, y) as NCNN's logaddexp_ps: m = vfmax(x, y), n = vfmin(x, y) (a NaN operand
// loses to a number, as in MAX), m + log(1 + exp(n - m)); log's argument is in [1, 2], and
// the sum cannot overflow. Where n - m is NaN (two equal infinities, or two NaNs) the result
// is m: +-Inf for +-Inf, NaN for NaN (NCNN gets the same through exp_ps clamping the NaN).
static inline vf32 logaddexp_v(vf32 x, vf32 z, size_t vl)
{
  vf32 m = F(vfmax_vv)(x, z, vl);
  vf32 d = F(vfsub_vv)(F(vfmin_vv)(x, z, vl), m, vl);
  vf32 r = F(vfadd_vv)(m, log_v(F(vfadd_vf)(exp_v(d, vl), 1.f, vl), vl), vl);
  return F(vmerge_vvm)(r, m, FM(vmfne_vv)(d, d, vl), vl);
}

// Per op: the vector-vector and vector-scalar forms (x op y).
#define VV_add(x, y, vl) F(vfadd_vv)(x, y, vl)
#define VF_add(x, s, vl) F(vfadd_vf)(x, s, vl)
#define VV_sub(x, y, vl) F(vfsub_vv)(x, y, vl)
#define VF_sub(x, s, vl) F(vfsub_vf)(x, s, vl)
#define VV_mul(x, y, vl) F(vfmul_vv)(x, y, vl)
#define VF_mul(x, s, vl) F(vfmul_vf)(x, s, vl)
#define VV_div(x, y, vl) F(vfdiv_vv)(x, y, vl)
#define VF_div(x, s, vl) F(vfdiv_vf)(x, s, vl)
#define VV_max(x, y, vl) F(vfmax_vv)(x, y, vl)
#define VF_max(x, s, vl) F(vfmax_vf)(x, s, vl)
#define VV_min(x, y, vl) F(vfmin_vv)(x, y, vl)
#define VF_min(x, s, vl) F(vfmin_vf)(x, s, vl)
#define VV_rsub(x, y, vl) F(vfsub_vv)(y, x, vl)
#define VF_rsub(x, s, vl) F(vfrsub_vf)(x, s, vl)
#define VV_rdiv(x, y, vl) F(vfdiv_vv)(y, x, vl)
#define VF_rdiv(x, s, vl) F(vfrdiv_vf)(x, s, vl)
#define VV_pow(x, y, vl) pow_v(x, y, vl)
#define VF_pow(x, s, vl) pow_v(x, F(vfmv_v_f)(s, vl), vl)
#define VV_rpow(x, y, vl) pow_v(y, x, vl)
#define VF_rpow(x, s, vl) pow_v(F(vfmv_v_f)(s, vl), x, vl)
#define VV_lae(x, y, vl) logaddexp_v(x, y, vl)
#define VF_lae(x, s, vl) logaddexp_v(x, F(vfmv_v_f)(s, vl), vl)
#define VV_fdiv(x, y, vl) floor_v(F(vfdiv_vv)(x, y, vl), vl)
#define VF_fdiv(x, s, vl) floor_v(F(vfdiv_vf)(x, s, vl), vl)
#define VV_rfdiv(x, y, vl) floor_v(F(vfdiv_vv)(y, x, vl), vl)
#define VF_rfdiv(x, s, vl) floor_v(F(vfrdiv_vf)(x, s, vl), vl)

// The pack lanes p[0..pack) repeated over a whole register group (lane j holds p[j % pack]).
static vf32 repeat_lanes(const float* p, long pack)
{
  size_t vlmax = VSETVLMAX();
  vf32 v = F(vle32_v)(p, (size_t)pack);
  vu32 idx = U(vremu_vx)(U(vid_v)(vlmax), (unsigned)pack, vlmax);
  return F(vrgather_vv)(v, idx, vlmax);
}

// y[i] = x[i] op z[i] over n values.
#define LOOP_VV(NAME)                                                         \
  static void vv_##NAME(const float* x, const float* z, float* y, long n)     \
  {                                                                           \
    for (long i = 0; i < n;) {                                                \
      size_t vl = VSETVL((size_t)(n - i));                                    \
      vf32 r = VV_##NAME(F(vle32_v)(x + i, vl), F(vle32_v)(z + i, vl), vl); \
      F(vse32_v)(y + i, r, vl);                                               \
      i += (long)vl;                                                          \
    }                                                                         \
  }
// y[i] = x[i] op s over n values.
#define LOOP_VF(NAME)                                                 \
  static void vf_##NAME(const float* x, float s, float* y, long n)    \
  {                                                                   \
    for (long i = 0; i < n;) {                                        \
      size_t vl = VSETVL((size_t)(n - i));                            \
      F(vse32_v)(y + i, VF_##NAME(F(vle32_v)(x + i, vl), s, vl), vl); \
      i += (long)vl;                                                  \
    }                                                                 \
  }
// y[i*pack + l] = x[i*pack + l] op p[l] over n = hw*pack values: strips of whole pixels
// (a multiple of pack lanes), so the repeated lanes stay aligned with the pixels.
#define LOOP_VP(NAME)                                                                  \
  static void vp_##NAME(const float* x, const float* p, float* y, long n, long pack)   \
  {                                                                                    \
    vf32 rep = repeat_lanes(p, pack);                                                  \
    long strip = (long)VSETVLMAX();                                                    \
    strip -= strip % pack;                                                             \
    for (long i = 0; i < n;) {                                                         \
      size_t vl = (size_t)(n - i < strip ? n - i : strip);                             \
      F(vse32_v)(y + i, VV_##NAME(F(vle32_v)(x + i, vl), rep, vl), vl);                \
      i += (long)vl;                                                                   \
    }                                                                                  \
  }
#define LOOPS(NAME) LOOP_VV(NAME) LOOP_VF(NAME) LOOP_VP(NAME)
LOOPS(add)
LOOPS(sub)
LOOPS(mul)
LOOPS(div)
LOOPS(max)
LOOPS(min)
LOOPS(rsub)
LOOPS(rdiv)
LOOPS(pow)
LOOPS(rpow)
LOOPS(lae)
LOOPS(fdiv)
LOOPS(rfdiv)

// One switch per call picks the op's loop (a table of function pointers would need
// relocated data, which a kernel may not have).
#define DISPATCH(KIND, ...)                  \
  switch (op) {                              \
  case op_add: KIND##_add(__VA_ARGS__); break;   \
  case op_sub: KIND##_sub(__VA_ARGS__); break;   \
  case op_mul: KIND##_mul(__VA_ARGS__); break;   \
  case op_div: KIND##_div(__VA_ARGS__); break;   \
  case op_max: KIND##_max(__VA_ARGS__); break;   \
  case op_min: KIND##_min(__VA_ARGS__); break;   \
  case op_rsub: KIND##_rsub(__VA_ARGS__); break; \
  case op_rdiv: KIND##_rdiv(__VA_ARGS__); break; \
  case op_pow: KIND##_pow(__VA_ARGS__); break;   \
  case op_rpow: KIND##_rpow(__VA_ARGS__); break; \
  case op_logaddexp: KIND##_lae(__VA_ARGS__); break; \
  case op_fdiv: KIND##_fdiv(__VA_ARGS__); break; \
  case op_rfdiv: KIND##_rfdiv(__VA_ARGS__); break; \
  default: break;                            \
  }

static int reverse_op(long op)
{
  switch (op) {
  case op_sub: return op_rsub;
  case op_rsub: return op_sub;
  case op_div: return op_rdiv;
  case op_rdiv: return op_div;
  case op_pow: return op_rpow;
  case op_rpow: return op_pow;
  case op_atan2: return op_ratan2;
  case op_ratan2: return op_atan2;
  case op_fmod: return op_rfmod;
  case op_rfmod: return op_fmod;
  case op_fdiv: return op_rfdiv;
  case op_rfdiv: return op_fdiv;
  case op_remainder: return op_rremainder;
  case op_rremainder: return op_remainder;
  default: return (int)op;
  }
}

// The broadcast forms (kernel.toml): which element of a and of b output element k =
// ((q*h + r)*w + x)*pack + l pairs. ch: a per-channel operand, px: per pixel (1 x h x w),
// row: per row (c x h x 1), col: one row per channel (c x 1 x w), r: one value per row shared
// by the channels (1 x h x 1), x: one row shared by all (1 x 1 x w).
static long operand_index(long form, int is_a, long q, long r, long x, long l, long h, long w,
                          long pack)
{
  long k = ((q * h + r) * w + x) * pack + l;
  int reversed = form > 1 && (form & 1); // a is the broadcast operand, b the full one
  long sel = is_a ? (form == 14 ? 7 : reversed ? form : 0) : (form == 14 ? 8 : reversed ? 0 : form);
  switch (sel) {
  case 1: return 0;
  case 2: case 3: return q * pack + l;
  case 4: case 5: return r * w + x;
  case 6: case 7: return (q * h + r) * pack + l;
  case 8: case 9: return (q * w + x) * pack + l;
  case 10: case 11: return r;
  case 12: case 13: return x;
  default: return k;
  }
}

// The libm ops per element, with the form's indexing (no swap needed): ATAN2 (NCNN's RVV layer
// calls atan2f lane by lane), FMOD and REMAINDER (exact in libm; NCNN's vector a - q * b from a
// rounded quotient is not).
static float libm_op(float x, float z, long op)
{
  switch (op) {
  case op_atan2: return atan2f(x, z);
  case op_ratan2: return atan2f(z, x);
  case op_fmod: return fmodf(x, z);
  case op_rfmod: return fmodf(z, x);
  case op_remainder: return remainderf(x, z);
  default: return remainderf(z, x);
  }
}

static void scalar_libm(const float* a, const float* b, float* y, long c, long h, long w,
                        long pack, long form, long op)
{
  long k = 0;
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      for (long x = 0; x < w; ++x) {
        for (long l = 0; l < pack; ++l, ++k) {
          y[k] = libm_op(a[operand_index(form, 1, q, r, x, l, h, w, pack)],
                         b[operand_index(form, 0, q, r, x, l, h, w, pack)], op);
        }
      }
    }
  }
}

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long h, long w,
                      long pack, long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  if (op == op_atan2 || op == op_ratan2 || op == op_fmod || op == op_rfmod ||
      op == op_remainder || op == op_rremainder) {
    scalar_libm(a, b, y, c, h, w, pack, form, op);
    return;
  }
  if (form & 1 && form > 1) { // a the smaller operand: b op' a with the reverse op, as NCNN
    const float* t = a;
    a = b;
    b = t;
    op = reverse_op(op);
    form -= 1;
  }
  long hw = h * w, size = hw * pack, row = w * pack;
  if (form == 0) {
    DISPATCH(vv, a, b, y, c * size)
  } else if (form == 1) {
    DISPATCH(vf, a, b[0], y, c * size)
  } else if (form == 2) {
    for (long q = 0; q < c; ++q) {
      if (pack == 1) {
        DISPATCH(vf, a + q * size, b[q], y + q * size, size)
      } else {
        DISPATCH(vp, a + q * size, b + q * pack, y + q * size, size, pack)
      }
    }
  } else if (form == 4) { // b per pixel, shared by the channels
    for (long q = 0; q < c; ++q) {
      if (pack == 1) {
        DISPATCH(vv, a + q * size, b, y + q * size, size)
      } else { // one pixel's pack lanes against its one b value, as NCNN's broadcast_pb
        for (long i = 0; i < hw; ++i) {
          DISPATCH(vf, a + q * size + i * pack, b[i], y + q * size + i * pack, pack)
        }
      }
    }
  } else { // the broadcasts inside a channel go row by row, as NCNN's row loop
    int rop = reverse_op(op);
    for (long q = 0; q < c; ++q) {
      for (long r = 0; r < h; ++r) {
        long at = (q * h + r) * row, qr = q * h + r;
        if (form == 6 && pack == 1) { // b per row: one value, NCNN's broadcast_b
          DISPATCH(vf, a + at, b[qr], y + at, row)
        } else if (form == 6) { // its pack lanes repeated
          DISPATCH(vp, a + at, b + qr * pack, y + at, row, pack)
        } else if (form == 8) { // one row per channel: NCNN's no_broadcast on the row
          DISPATCH(vv, a + at, b + q * row, y + at, row)
        } else if (form == 10) { // a pack-1 value per row for all lanes: broadcast_pb_b
          DISPATCH(vf, a + at, b[r], y + at, row)
        } else if (form == 12 && pack == 1) { // one row shared by all
          DISPATCH(vv, a + at, b, y + at, row)
        } else if (form == 12) { // pack-1 row against packed pixels: broadcast_pb
          for (long x = 0; x < w; ++x) {
            DISPATCH(vf, a + at + x * pack, b[x], y + at + x * pack, pack)
          }
        } else { // 14: a per row against b one row per channel, as b op' a (broadcast_a)
          long op0 = op;
          op = rop;
          if (pack == 1) {
            DISPATCH(vf, b + q * row, a[qr], y + at, row)
          } else {
            DISPATCH(vp, b + q * row, a + qr * pack, y + at, row, pack)
          }
          op = op0;
        }
      }
    }
  }
}
