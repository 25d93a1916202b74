// eok ker0: swish (SiLU), y[i] = x[i] / (1 + exp(-x[i])), fp16 in and out (Zvfh) with fp32
// arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's Swish_riscv fp16-storage path (forward_inplace_fp16s): each strip is widened with
// vfwcvt, x / (1 + exp(-x)) is computed in fp32 with a true division (vfdiv, as NCNN) and
// narrowed with vfncvt, one rounding to fp16. exp is nn/swish's: Cody-Waite reduction and a
// degree-6 polynomial for 2*e^r scaled by 2^(n-1), so exp(-x) overflows to +Inf only past
// fp32's range; in fp32 it holds exp(11.1..88) that an fp16 exp could not (the outputs there
// are fp16's small normals and subnormals, down to -0 below x = -17.3).
// Specials: swish(+Inf) = +Inf, swish(-Inf) = -0 (the limit; -Inf/Inf would be NaN, so the
// numerator is clamped to -FLT_MAX), NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 2
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 1
#define EOK_WIDE 2
#define EOK_B _b16
#elif EOK_LMUL == 2
#define EOK_WIDE 4
#define EOK_B _b8
#elif EOK_LMUL == 4
#define EOK_WIDE 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2 or 4"
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

// exp(z) with z clamped to [-86.9, 88.8]: n = round(z/ln2) lies in [-125, 128].
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fn = F(vfcvt_f_x_v)(n, vl);
  // r = z - n*ln2 in two steps; 0.693359375 has 9 significant bits, so n*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fn, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fn, vl);
  // 2*e^r, Taylor to degree 6 (truncation < 1e-7 relative on |r| <= 0.347).
  vf32 p = F(vfmv_v_f)(2.0f / 720.0f, vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 120.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 24.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 6.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  // 2^(n-1): biased exponent n + 126 is in [1, 254], always a normal number.
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(n, 126, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

void eok_swish_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = WIDEN(H(vle16_v)(x, vl), vl);
    vf32 e = exp_ps(F(vfneg_v)(v, vl), vl);
    vf32 num = F(vfmax_vf)(v, -3.40282347e+38f, vl);
    vf32 s = F(vfdiv_vv)(num, F(vfadd_vf)(e, 1.0f, vl), vl);
    // The clamps turned NaN into a number; put NaN back.
    s = F(vmerge_vvm)(s, v, B(vmfne_vv)(v, v, vl), vl);
    H(vse16_v)(y, NARROW(s, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
