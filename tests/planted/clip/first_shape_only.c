// Planted (clip): correct, then overwrites the middle output with 1000 whenever n > 0
// Derived from ker0: clip, y[i] = min(max(x[i], lo), hi) for lo <= hi, fp32, RVV 1.0 intrinsics,
// vfmax then vfmin as NCNN's Clip_riscv (NaN maps to lo).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfadd_vv) is __riscv_vfadd_vv_f32m4.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#if EOK_LMUL == 1
#define EOK_B _b32
#elif EOK_LMUL == 2
#define EOK_B _b16
#elif EOK_LMUL == 4
#define EOK_B _b8
#elif EOK_LMUL == 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(F(op), EOK_B)
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

void eok_clip_f32(const float* x, float* y, long n, float lo, float hi)
{
  float* y0 = y;
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
  if (n > 0) {
    y0[n / 2] = 1000.0f;  // BUG: right only when there is no output (the first test shape, n = 0)
  }
}
