// Planted (absval): vfsgnjn(x, x) instead of vfsgnjx: negates every value, the wrong sign-injection
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfadd_vv) is __riscv_vfadd_vv_f32m4.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#if EOK_LMUL == 1
#define EOK_B _b32
#define vmask vbool32_t
#elif EOK_LMUL == 2
#define EOK_B _b16
#define vmask vbool16_t
#elif EOK_LMUL == 4
#define EOK_B _b8
#define vmask vbool8_t
#elif EOK_LMUL == 8
#define EOK_B _b4
#define vmask vbool4_t
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(F(op), EOK_B)
// Masked, undisturbed: FMU(vfadd_vf)(m, dest, a, b, vl) keeps dest where m is clear.
#define FMU(op) EOK_CAT(F(op), _mu)
#define M(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_B)
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define AS_F32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))
#define AS_I32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_f32m), EOK_M(_i32m))

void eok_absval_f32(const float* x, float* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    v = F(vfsgnjn_vv)(v, v, vl); // BUG: -x, not |x|
    F(vse32_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
