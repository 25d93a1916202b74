// eok ker0: NCNN BinaryOp on fp16 blobs (fp16 storage, Zvfh), the way NCNN's
// binaryop_riscv_zfh.cpp (forward_fp16s) does it: ADD, SUB, MUL, DIV, MAX, MIN, RSUB, RDIV in
// fp16 arithmetic (vfadd .. vfmin at e16, one correctly rounded fp16 operation each), the op
// chosen once, each channel strip-mined over its hw*pack values, a scalar operand in the .vf
// form, a per-channel operand of elempack 16 (packn for fp16 at VLEN 256) one vector of its
// 16 lanes repeated across the register group, a per-channel a handled by swapping the
// operands and running the reverse op. The broadcasts inside a channel (forms 6..14, the fp32
// task's) go row by row as NCNN's row loop does.
//
// POW/RPOW widen to fp32 (vfwcvt), run the fp32 task's exp(y log|x|) with powf's special
// cases, and narrow (vfncvt, round to nearest): NCNN's zfh layer evaluates pow_ps in fp16
// (rvv_mathfun_fp16s), whose fp16 log and exp put an error of about |t| 2^-10 on t = y log|x|
// (|t| up to 11), several fp16 ulps; in fp32 the result is within 1 fp16 ulp. FLOOR_DIVIDE
// widens too: the naive fp16 layer floors the fp32 quotient (NCNN's zfh vector path divides
// in fp16, whose rounding can reach the next integer). LOGADDEXP widens as POW does: NCNN's
// fp16 logaddexp_ps (max + log(1 + exp(min - max)) in fp16 log/exp) is several fp16 ulps off;
// ker0 runs the fp32 task's form, vfmax/vfmin NaN rules included. ATAN2/RATAN2 are libm atan2f per
// element on the widened values, rounded to fp16, as NCNN's fp16 atan2_ps does lane by lane;
// FMOD and REMAINDER are per-element libm too (exact, the naive layer's semantics).
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
// fp16 at EOK_LMUL: the exact ops.
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_u16m))
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define vu16 EOK_CAT(EOK_M(vuint16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)
#define VSETVLMAX EOK_M(__riscv_vsetvlmax_e16m)

// POW: fp16 at EOK_PL widened to fp32 at EOK_WL = 2 EOK_PL (EOK_PL = EOK_LMUL, at most 4).
#if EOK_LMUL == 8 || EOK_LMUL == 4
#define EOK_PL 4
#define EOK_WL 8
#define MB _b4
#define vmask vbool4_t
#elif EOK_LMUL == 2
#define EOK_PL 2
#define EOK_WL 4
#define MB _b8
#define vmask vbool8_t
#else
#define EOK_PL 1
#define EOK_WL 2
#define MB _b16
#define vmask vbool16_t
#endif
#define EOK_W(prefix) EOK_CAT(prefix, EOK_WL)
#define EOK_P(prefix) EOK_CAT(prefix, EOK_PL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_i32m))
#define HP(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_P(_f16m))
#define vf32 EOK_CAT(EOK_W(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_W(vint32m), _t)
#define vu32 EOK_CAT(EOK_W(vuint32m), _t)
#define UW(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_u32m))
#define vf16p EOK_CAT(EOK_P(vfloat16m), _t)
#define FM(op) EOK_CAT(F(op), MB)
#define FMU(op) EOK_CAT(F(op), _mu)
#define IM(op) EOK_CAT(I(op), MB)
#define MM(op) EOK_CAT(EOK_CAT(__riscv_, op), MB)
#define AS_F(v) EOK_CAT(EOK_W(__riscv_vreinterpret_v_i32m), EOK_W(_f32m))(v)
#define AS_I(v) EOK_CAT(EOK_W(__riscv_vreinterpret_v_f32m), EOK_W(_i32m))(v)
#define WIDEN(v, vl) F(vfwcvt_f_f_v)(v, vl)
#define NARROW(v, vl) HP(vfncvt_f_f_w)(v, vl)

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

// powf(x, y) in fp32: exp(y log|x|), then the sign and C's special cases. An exponent is an integer
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

// Per op: the vector-vector and vector-scalar forms (x op y), fp16.
#define VV_add(x, y, vl) H(vfadd_vv)(x, y, vl)
#define VF_add(x, s, vl) H(vfadd_vf)(x, s, vl)
#define VV_sub(x, y, vl) H(vfsub_vv)(x, y, vl)
#define VF_sub(x, s, vl) H(vfsub_vf)(x, s, vl)
#define VV_mul(x, y, vl) H(vfmul_vv)(x, y, vl)
#define VF_mul(x, s, vl) H(vfmul_vf)(x, s, vl)
#define VV_div(x, y, vl) H(vfdiv_vv)(x, y, vl)
#define VF_div(x, s, vl) H(vfdiv_vf)(x, s, vl)
#define VV_max(x, y, vl) H(vfmax_vv)(x, y, vl)
#define VF_max(x, s, vl) H(vfmax_vf)(x, s, vl)
#define VV_min(x, y, vl) H(vfmin_vv)(x, y, vl)
#define VF_min(x, s, vl) H(vfmin_vf)(x, s, vl)
#define VV_rsub(x, y, vl) H(vfsub_vv)(y, x, vl)
#define VF_rsub(x, s, vl) H(vfrsub_vf)(x, s, vl)
#define VV_rdiv(x, y, vl) H(vfdiv_vv)(y, x, vl)
#define VF_rdiv(x, s, vl) H(vfrdiv_vf)(x, s, vl)

// The pack lanes p[0..pack) repeated over a whole register group (lane j holds p[j % pack]).
static vf16 repeat_lanes(const _Float16* p, long pack)
{
  size_t vlmax = VSETVLMAX();
  vf16 v = H(vle16_v)(p, (size_t)pack);
  vu16 idx = U(vremu_vx)(U(vid_v)(vlmax), (unsigned)pack, vlmax);
  return H(vrgather_vv)(v, idx, vlmax);
}

// y[i] = x[i] op z[i] over n values.
#define LOOP_VV(NAME)                                                                   \
  static void vv_##NAME(const _Float16* x, const _Float16* z, _Float16* y, long n)      \
  {                                                                                     \
    for (long i = 0; i < n;) {                                                          \
      size_t vl = VSETVL((size_t)(n - i));                                              \
      H(vse16_v)(y + i, VV_##NAME(H(vle16_v)(x + i, vl), H(vle16_v)(z + i, vl), vl), vl); \
      i += (long)vl;                                                                    \
    }                                                                                   \
  }
// y[i] = x[i] op s over n values.
#define LOOP_VF(NAME)                                                      \
  static void vf_##NAME(const _Float16* x, _Float16 s, _Float16* y, long n) \
  {                                                                        \
    for (long i = 0; i < n;) {                                             \
      size_t vl = VSETVL((size_t)(n - i));                                 \
      H(vse16_v)(y + i, VF_##NAME(H(vle16_v)(x + i, vl), s, vl), vl);      \
      i += (long)vl;                                                       \
    }                                                                      \
  }
// y[i*pack + l] = x[i*pack + l] op p[l] over n = hw*pack values: strips of whole pixels
// (a multiple of pack lanes), so the repeated lanes stay aligned with the pixels.
#define LOOP_VP(NAME)                                                                        \
  static void vp_##NAME(const _Float16* x, const _Float16* p, _Float16* y, long n, long pack) \
  {                                                                                          \
    vf16 rep = repeat_lanes(p, pack);                                                        \
    long strip = (long)VSETVLMAX();                                                          \
    strip -= strip % pack;                                                                   \
    for (long i = 0; i < n;) {                                                               \
      size_t vl = (size_t)(n - i < strip ? n - i : strip);                                   \
      H(vse16_v)(y + i, VV_##NAME(H(vle16_v)(x + i, vl), rep, vl), vl);                      \
      i += (long)vl;                                                                         \
    }                                                                                        \
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

// logaddexp(x, y) as the fp32 task: m = vfmax, n = vfmin (a NaN operand loses), m + log(1 +
// exp(n - m)), and m itself where n - m is NaN (equal infinities, two NaNs).
static inline vf32 logaddexp_v(vf32 x, vf32 z, size_t vl)
{
  vf32 m = F(vfmax_vv)(x, z, vl);
  vf32 d = F(vfsub_vv)(F(vfmin_vv)(x, z, vl), m, vl);
  vf32 r = F(vfadd_vv)(m, log_v(F(vfadd_vf)(exp_v(d, vl), 1.f, vl), vl), vl);
  return F(vmerge_vvm)(r, m, FM(vmfne_vv)(d, d, vl), vl);
}

// The ops evaluated in fp32 on widened values: LOGADDEXP, POW/RPOW, FLOOR_DIVIDE/RFLOOR_DIVIDE (the
// naive fp16 layer's floorf((float)x / (float)y): an fp32 quotient, floored, then rounded).
static inline vf32 wide_op(vf32 x, vf32 z, long op, size_t vl)
{
  switch (op) {
  case op_pow: return pow_v(x, z, vl);
  case op_rpow: return pow_v(z, x, vl);
  case op_logaddexp: return logaddexp_v(x, z, vl);
  case op_fdiv: return floor_v(F(vfdiv_vv)(x, z, vl), vl);
  default: return floor_v(F(vfdiv_vv)(z, x, vl), vl);
  }
}

// A widened op over n values of one channel. mode 0: z runs with x; 1: z[0] for all (a
// scalar, or a pack-1 channel's value); 2: z[0..pack) repeated per pixel (a pack-16
// channel), widened once.
static void wide_run(const _Float16* x, const _Float16* z, _Float16* y, long n, long pack,
                     int mode, long op)
{
  if (n <= 0) {
    return;
  }
  size_t vlmax = EOK_P(__riscv_vsetvlmax_e16m)();
  long strip = (long)vlmax;
  vf32 zc = F(vfmv_v_f)((float)z[0], vlmax);
  if (mode == 2) {
    vf32 lanes = WIDEN(HP(vle16_v)(z, (size_t)pack), (size_t)pack);
    vu32 idx = UW(vremu_vx)(UW(vid_v)(vlmax), (unsigned)pack, vlmax);
    zc = F(vrgather_vv)(lanes, idx, vlmax);
    strip -= strip % pack;
  }
  for (long i = 0; i < n;) {
    size_t vl = (size_t)(n - i < strip ? n - i : strip);
    vf32 xv = WIDEN(HP(vle16_v)(x + i, vl), vl);
    vf32 zv = mode == 0 ? WIDEN(HP(vle16_v)(z + i, vl), vl) : zc;
    vf32 r = wide_op(xv, zv, op, vl);
    HP(vse16_v)(y + i, NARROW(r, vl), vl);
    i += (long)vl;
  }
}

// One switch per call picks the op's loop (a table of function pointers would need
// relocated data, which a kernel may not have).
#define DISPATCH(KIND, ...)                      \
  switch (op) {                                  \
  case op_add: KIND##_add(__VA_ARGS__); break;   \
  case op_sub: KIND##_sub(__VA_ARGS__); break;   \
  case op_mul: KIND##_mul(__VA_ARGS__); break;   \
  case op_div: KIND##_div(__VA_ARGS__); break;   \
  case op_max: KIND##_max(__VA_ARGS__); break;   \
  case op_min: KIND##_min(__VA_ARGS__); break;   \
  case op_rsub: KIND##_rsub(__VA_ARGS__); break; \
  case op_rdiv: KIND##_rdiv(__VA_ARGS__); break; \
  default: break;                                \
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

// The libm ops per element on the fp16 values as floats, rounded to fp16, a and b indexed as
// the form says (0..2; 4: b per pixel): ATAN2 (NCNN's fp16 atan2_ps calls atan2f lane by lane), FMOD and
// REMAINDER (exact, as the naive layer's fmodf/remainderf; the result is an fp16 value).
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

// The element of a (is_a) or b that output element ((q*h + r)*w + x)*pack + l pairs with, by
// the broadcast form (the fp32 task's kernel.toml lists them).
static long operand_index(long form, int is_a, long q, long r, long x, long l, long h, long w,
                          long pack)
{
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
  default: return ((q * h + r) * w + x) * pack + l;
  }
}

static void scalar_libm(const _Float16* a, const _Float16* b, _Float16* y, long c, long h,
                        long w, long pack, long form, long op)
{
  long k = 0;
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      for (long x = 0; x < w; ++x) {
        for (long l = 0; l < pack; ++l, ++k) {
          float va = (float)a[operand_index(form, 1, q, r, x, l, h, w, pack)];
          float vb = (float)b[operand_index(form, 0, q, r, x, l, h, w, pack)];
          y[k] = (_Float16)libm_op(va, vb, op);
        }
      }
    }
  }
}

// The widened ops by form (after the swap: 0, 1, 2, 4, 6, 8, 10, 12, 14), on wide_run's modes.
static void wide_forms(const _Float16* a, const _Float16* b, _Float16* y, long c, long h, long w,
                       long pack, long form, long op)
{
  long hw = h * w, size = hw * pack, row = w * pack;
  if (form == 0 || form == 1) {
    wide_run(a, b, y, c * size, pack, (int)form, op);
  } else if (form == 2) {
    for (long q = 0; q < c; ++q) {
      wide_run(a + q * size, b + q * pack, y + q * size, size, pack, pack == 1 ? 1 : 2, op);
    }
  } else if (form == 4) {
    for (long q = 0; q < c; ++q) {
      for (long i = 0; i < (pack == 1 ? 1 : hw); ++i) { // pack 1: the channel against b
        long at = q * size + i * pack;
        wide_run(a + at, b + i, y + at, pack == 1 ? size : pack, pack, pack == 1 ? 0 : 1, op);
      }
    }
  } else { // inside a channel, row by row
    int rop = reverse_op(op);
    for (long q = 0; q < c; ++q) {
      for (long r = 0; r < h; ++r) {
        long at = (q * h + r) * row, qr = q * h + r;
        if (form == 6) {
          wide_run(a + at, b + qr * pack, y + at, row, pack, pack == 1 ? 1 : 2, op);
        } else if (form == 8) {
          wide_run(a + at, b + q * row, y + at, row, pack, 0, op);
        } else if (form == 10) {
          wide_run(a + at, b + r, y + at, row, pack, 1, op);
        } else if (form == 12 && pack == 1) {
          wide_run(a + at, b, y + at, row, pack, 0, op);
        } else if (form == 12) {
          for (long x = 0; x < w; ++x) {
            wide_run(a + at + x * pack, b + x, y + at + x * pack, pack, pack, 1, op);
          }
        } else { // 14: b's row against a's value (lanes) of this row, as b op' a
          wide_run(b + q * row, a + qr * pack, y + at, row, pack, pack == 1 ? 1 : 2, rop);
        }
      }
    }
  }
}

void eok_binaryop_f16(const _Float16* a, const _Float16* b, _Float16* y, long c, long h, long w,
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
    const _Float16* t = a;
    a = b;
    b = t;
    op = reverse_op(op);
    form -= 1;
  }
  if (op == op_pow || op == op_rpow || op == op_logaddexp || op == op_fdiv || op == op_rfdiv) {
    wide_forms(a, b, y, c, h, w, pack, form, op);
    return;
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
    long op0 = op;
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
          op = reverse_op(op0);
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
