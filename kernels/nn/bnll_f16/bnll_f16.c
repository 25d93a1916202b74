// eok ker0: BNLL, y = log(1 + exp(x)) (softplus) computed stably as max(x, 0) +
// log(1 + exp(-|x|)), fp16 in and out (Zvfh) with fp16 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's BNLL_riscv fp16 path (bnll_riscv_zfh.cpp, fp16 arithmetic only): exp of -|x|
// (never overflows), log, x added on the positive side, all in fp16 at LMUL 4 by default
// (NCNN: m8, where this polynomial spills). exp: k = round(z/ln2), r = z - k*ln2 with the
// first step fused (k*0.693359375 rounds in fp16, the fused difference is exact), e^r by
// Taylor to degree 5 (|r| <= 0.35: 3e-6 relative), 2^k applied in two normal halves so
// e^-17 rounds once into fp16's subnormals. log: specialised to 1 + u, u = exp(-|x|) in
// (0, 1], as nn/bnll: for u <= sqrt(2) - 1 the reduced argument is u itself (log1p(u), no
// rounding of 1 + u: NCNN's fp16 log(1 + u) returns 0 below x = -7.6, where bnll is still
// a normal fp16 number), otherwise (1 + u)/2 - 1 plus ln 2; log1p(f) by Taylor to degree 8
// (|f| <= 0.415: 1e-4 relative). Specials: +Inf -> +Inf, -Inf -> 0, NaN propagates (NCNN's
// vector layer turns NaN into 10.7 through its exp clamp).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed fp16/int16 intrinsic names for the chosen LMUL: H(vfadd_vf) is __riscv_vfadd_vf_f16m4.
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i16m))
#if EOK_LMUL == 1
#define EOK_B _b16
#define vmask vbool16_t
#elif EOK_LMUL == 2
#define EOK_B _b8
#define vmask vbool8_t
#elif EOK_LMUL == 4
#define EOK_B _b4
#define vmask vbool4_t
#elif EOK_LMUL == 8
#define EOK_B _b2
#define vmask vbool2_t
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(H(op), EOK_B)
// Masked, undisturbed: HMU(vfadd_vf)(m, dest, a, b, vl) keeps dest where m is clear.
#define HMU(op) EOK_CAT(H(op), _mu)
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define vi16 EOK_CAT(EOK_M(vint16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)
#define AS_F16 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i16m), EOK_M(_f16m))

#define F16(c) ((_Float16)(c))

// e^z for z <= 0 in fp16 arithmetic, z clamped to -18 (e^-18 rounds to 0 in fp16):
// k = round(z/ln2) in [-26, 0], both halves of 2^k are normal fp16 scales.
static inline vf16 exp_neg_ph(vf16 z, size_t vl)
{
  z = H(vfmax_vf)(z, F16(-18.0f), vl);
  vi16 k = I(vfcvt_x_f_v)(H(vfmul_vf)(z, F16(1.44269504f), vl), vl);
  vf16 fk = H(vfcvt_f_x_v)(k, vl);
  vf16 r = H(vfnmsac_vf)(z, F16(0.693359375f), fk, vl);
  r = H(vfnmsac_vf)(r, F16(-2.12194440e-4f), fk, vl);
  vf16 p = H(vfmul_vf)(r, F16(1.0f / 120.0f), vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 24.0f), vl), r, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 6.0f), vl), r, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(0.5f), vl), r, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f), vl), r, vl);
  p = H(vfadd_vf)(p, F16(1.0f), vl);
  vi16 half = I(vsra_vx)(k, 1, vl);
  vf16 s1 = AS_F16(I(vsll_vx)(I(vadd_vx)(half, 15, vl), 10, vl));
  vf16 s2 = AS_F16(I(vsll_vx)(I(vadd_vx)(I(vsub_vv)(k, half, vl), 15, vl), 10, vl));
  return H(vfmul_vv)(H(vfmul_vv)(p, s1, vl), s2, vl);
}

// log(1 + u) for u in [0, 1] in fp16 arithmetic.
static inline vf16 log1p_unit_ph(vf16 u, size_t vl)
{
  vmask big = B(vmfgt_vf)(u, F16(0.41421356f), vl); // 1 + u > sqrt(2): use (1 + u) / 2
  vf16 f = HMU(vfmul_vf)(big, u, u, F16(0.5f), vl);
  f = HMU(vfsub_vf)(big, f, f, F16(0.5f), vl);
  // f - f^2/2 + f^3 (1/3 - f/4 + f^2/5 - f^3/6 + f^4/7 - f^5/8)
  vf16 p = H(vfmul_vf)(f, F16(-1.0f / 8.0f), vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 7.0f), vl), f, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(-1.0f / 6.0f), vl), f, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 5.0f), vl), f, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(-1.0f / 4.0f), vl), f, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 3.0f), vl), f, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(-0.5f), vl), f, vl);
  vf16 r = H(vfmacc_vv)(f, f, p, vl);
  return HMU(vfadd_vf)(big, r, r, F16(0.693147181f), vl);
}

void eok_bnll_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf16 v = H(vle16_v)(x, vl);
    vf16 u = exp_neg_ph(H(vfsgnj_vf)(v, F16(-1.0f), vl), vl);
    vf16 s = H(vfadd_vv)(H(vfmax_vf)(v, F16(0.0f), vl), log1p_unit_ph(u, vl), vl);
    // vfmax and exp's clamp turned NaN into a number; put NaN back.
    s = H(vmerge_vvm)(s, v, B(vmfne_vv)(v, v, vl), vl);
    H(vse16_v)(y, s, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
