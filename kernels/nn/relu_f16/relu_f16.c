// eok ker0: ReLU with NCNN's slope, fp16 in and out (Zvfh) with fp16 arithmetic, RVV 1.0
// intrinsics.
//
// As NCNN's ReLU_riscv fp16 path (relu_riscv_zfh.cpp): slope 0 is one vfmax with 0 per
// strip (NaN -> 0: vfmax returns the number; -0 -> +0); any other slope, rounded to fp16,
// multiplies only the lanes below 0 (masked, undisturbed), so NaN and -0 pass unchanged.
// The whole vector path is in fp16: the product of two fp16 values rounds once.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed fp16 intrinsic names for the chosen LMUL: H(vfmax_vf) is __riscv_vfmax_vf_f16m8.
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

void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope)
{
  size_t left = n > 0 ? (size_t)n : 0;
  if (slope == 0.0f) {
    while (left > 0) {
      size_t vl = VSETVL(left);
      H(vse16_v)(y, H(vfmax_vf)(H(vle16_v)(x, vl), (_Float16)0.0f, vl), vl);
      x += vl;
      y += vl;
      left -= vl;
    }
    return;
  }
  const _Float16 s16 = (_Float16)slope;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf16 v = H(vle16_v)(x, vl);
    vmask neg = B(vmflt_vf)(v, (_Float16)0.0f, vl);
    H(vse16_v)(y, EOK_CAT(H(vfmul_vf), _mu)(neg, v, v, s16, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
