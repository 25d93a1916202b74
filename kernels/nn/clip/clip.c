// eok ker0: clip, y[i] = min(max(x[i], lo), hi) for lo <= hi, fp32, RVV 1.0 intrinsics.
//
// As NCNN's Clip_riscv: vfmax with lo, then vfmin with hi, one strip at LMUL 8. RVV's
// vfmax/vfmin return the non-NaN operand (IEEE 754-2019 maximumNumber/minimumNumber), so
// NaN maps to lo: vfmax(NaN, lo) = lo, then vfmin(lo, hi) = lo. That is NCNN's behaviour on
// RISC-V (its scalar layer, with `if (x < min)` compares, would keep NaN; the vector layer
// is what runs). Specials: NaN -> lo; +-Inf clip to the bounds; -0 and +0 are kept (both
// lie inside [lo, hi] here, and vfmax/vfmin order -0 below +0 only against each other).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfmax_vf) is __riscv_vfmax_vf_f32m8.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

void eok_clip_f32(const float* x, float* y, long n, float lo, float hi)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    v = F(vfmin_vf)(F(vfmax_vf)(v, lo, vl), hi, vl);
    F(vse32_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
