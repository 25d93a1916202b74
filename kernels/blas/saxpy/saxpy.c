// eok ker0: saxpy, y[i] = a * x[i] + y[i], fp32, RVV 1.0 intrinsics.
//
// One fused multiply-add per element (vfmacc: y += a * x, rounded once). EOK_UNROLL = 2
// runs two full-length strips per trip so the second strip's loads issue while the first
// one's multiply-add is in flight; the remainder takes single strips with a shorter vl.
// Specials follow IEEE arithmetic: NaN and Inf propagate, a * max overflows to Inf.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif
#ifndef EOK_UNROLL
#define EOK_UNROLL 1
#endif
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#if EOK_UNROLL != 1 && EOK_UNROLL != 2
#error "EOK_UNROLL must be 1 or 2"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vle32_v) is __riscv_vle32_v_f32m8.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define VSETVLMAX EOK_M(__riscv_vsetvlmax_e32m)

void eok_saxpy_f32(long n, float a, const float* x, float* y)
{
  size_t left = n > 0 ? (size_t)n : 0;
#if EOK_UNROLL == 2
  size_t vlmax = VSETVLMAX();
  while (left >= 2 * vlmax) {
    vf32 x0 = F(vle32_v)(x, vlmax);
    vf32 x1 = F(vle32_v)(x + vlmax, vlmax);
    vf32 y0 = F(vle32_v)(y, vlmax);
    vf32 y1 = F(vle32_v)(y + vlmax, vlmax);
    y0 = F(vfmacc_vf)(y0, a, x0, vlmax);
    y1 = F(vfmacc_vf)(y1, a, x1, vlmax);
    F(vse32_v)(y, y0, vlmax);
    F(vse32_v)(y + vlmax, y1, vlmax);
    x += 2 * vlmax;
    y += 2 * vlmax;
    left -= 2 * vlmax;
  }
#endif
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 vx = F(vle32_v)(x, vl);
    vf32 vy = F(vle32_v)(y, vl);
    F(vse32_v)(y, F(vfmacc_vf)(vy, a, vx, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
