// eok ker0: hardsigmoid, fp16 in and out (Zvfh) with fp16 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's HardSigmoid_riscv fp16 path: alpha, beta and the bounds -beta/alpha and
// (1-beta)/alpha (formed in fp32) rounded to fp16, two compares, merges to 0 and 1, and the
// multiply-add in fp16 (fused here; NCNN multiplies then adds) at LMUL 8. Specials:
// -Inf -> 0, +Inf -> 1, NaN propagates.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed fp16 intrinsic names for the chosen LMUL: H(vfadd_vf) is __riscv_vfadd_vf_f16m8.
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
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
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)

void eok_hardsigmoid_f16(const _Float16* x, _Float16* y, long n, float alpha, float beta)
{
  const _Float16 a16 = (_Float16)alpha;
  const _Float16 b16 = (_Float16)beta;
  const _Float16 lower = (_Float16)(-beta / alpha); // the layer's fp32 bounds, rounded
  const _Float16 upper = (_Float16)((1.0f - beta) / alpha);
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf16 v = H(vle16_v)(x, vl);
    vmask below = B(vmflt_vf)(v, lower, vl);
    vmask above = B(vmfgt_vf)(v, upper, vl);
    v = H(vfmadd_vf)(v, a16, H(vfmv_v_f)(b16, vl), vl);
    v = H(vfmerge_vfm)(v, 0, below, vl);
    v = H(vfmerge_vfm)(v, 1, above, vl);
    H(vse16_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
