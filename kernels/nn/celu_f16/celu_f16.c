// eok ker0: CELU, y = x for x >= 0, alpha * (exp(x/alpha) - 1) for x < 0, fp16 in and out
// (Zvfh) with fp16 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's CELU_riscv fp16 path (celu_riscv_zfh.cpp, fp16 arithmetic only): x/alpha, exp,
// minus 1, times alpha over the whole strip in fp16, then a merge by sign; alpha rounded to
// fp16. Three differences: x/alpha is a multiply by the fp16 reciprocal computed once (NCNN
// divides per element: vfdiv is the X60's slowest vector op); the "- 1" is folded into exp
// (expm1: with q = k ln2 + r, e^q - 1 = 2^k (e^r - 1) + (2^k - 1), e^r - 1 = r P(r) has no
// constant term, so nothing cancels near 0 where NCNN's fp16 exp(q) - 1 keeps only the bits
// of q above 2^-11); and the merge mask is x < 0, so NaN takes the x branch and propagates
// (NCNN's vector layer sends NaN through its clamped exp). q is clamped to [-10, 0]: below
// -10, e^q - 1 rounds to -1 in fp16. Specials: -Inf -> -alpha, +Inf -> +Inf, -0 -> -0.
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

// e^q - 1 for q <= 0 in fp16 arithmetic, q clamped to -10: k = round(q/ln2) in [-14, 0],
// so 2^k is a normal fp16 number and 2^k - 1 is exact.
static inline vf16 expm1_neg_ph(vf16 q, size_t vl)
{
  q = H(vfmin_vf)(H(vfmax_vf)(q, F16(-10.0f), vl), F16(0.0f), vl);
  vi16 k = I(vfcvt_x_f_v)(H(vfmul_vf)(q, F16(1.44269504f), vl), vl);
  vf16 fk = H(vfcvt_f_x_v)(k, vl);
  // r = q - k*ln2: the first step fused, so the difference is exact.
  vf16 r = H(vfnmsac_vf)(q, F16(0.693359375f), fk, vl);
  r = H(vfnmsac_vf)(r, F16(-2.12194440e-4f), fk, vl);
  // e^r - 1 = r (1 + r/2 + r^2/6 + r^3/24 + r^4/120), |r| <= 0.35: 3e-6 relative.
  vf16 p = H(vfmul_vf)(r, F16(1.0f / 120.0f), vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 24.0f), vl), r, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(1.0f / 6.0f), vl), r, vl);
  p = H(vfmul_vv)(H(vfadd_vf)(p, F16(0.5f), vl), r, vl);
  p = H(vfmacc_vv)(r, r, p, vl);
  vf16 scale = AS_F16(I(vsll_vx)(I(vadd_vx)(k, 15, vl), 10, vl));
  // 2^k * (e^r - 1) + (2^k - 1), rounded once.
  return H(vfmadd_vv)(p, scale, H(vfsub_vf)(scale, F16(1.0f), vl), vl);
}

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha)
{
  const _Float16 a16 = (_Float16)alpha;
  const _Float16 inv16 = (_Float16)(1.0f / (float)a16);
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf16 v = H(vle16_v)(x, vl);
    vf16 e = H(vfmul_vf)(expm1_neg_ph(H(vfmul_vf)(v, inv16, vl), vl), a16, vl);
    v = H(vmerge_vvm)(v, e, B(vmflt_vf)(v, F16(0.0f), vl), vl);
    H(vse16_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
