// Planted (absval_f16): vfsgnjn instead of vfsgnjx: -x, not |x|
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

void eok_absval_f16(const _Float16* x, _Float16* y, long n)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf16 v = H(vle16_v)(x, vl);
    v = H(vfsgnjn_vv)(v, v, vl); // BUG
    H(vse16_v)(y, v, vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
