// eok ker0: reduce and scan, int32 (SUITE.md gp task 1), RVV 1.0 intrinsics.
//
// moderngpu's scan in RVV terms: the input is cut into tiles of one vector (vl elements);
// each tile is scanned in registers by log2(vl) slide-and-add steps (Hillis-Steele: after
// the step with offset d, lane i holds the sum of lanes i-2d+1 .. i), turned exclusive by
// subtracting the input, and offset by the carry, the sum of all earlier tiles; the
// tile's last inclusive value advances the carry. Unsigned arithmetic wraps, so overflow
// is defined (two's complement, as int32 addition on RISC-V).
#include <riscv_vector.h>
#include <stddef.h>
#include <stdint.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
// U(vadd_vv) is __riscv_vadd_vv_u32m4 at LMUL 4.
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_u32m, EOK_LMUL))
#define vu32 EOK_CAT(EOK_CAT(vuint32m, EOK_LMUL), _t)
#define VSETVL EOK_CAT(__riscv_vsetvl_e32m, EOK_LMUL)

void eok_scan_i32(const int* x, int* y, int* total, long n)
{
  const uint32_t* in = (const uint32_t*)x;
  uint32_t* out = (uint32_t*)y;
  size_t left = n > 0 ? (size_t)n : 0;
  uint32_t carry = 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vu32 v = U(vle32_v)(in, vl);
    vu32 zero = U(vmv_v_x)(0, vl);
    vu32 s = v;
    for (size_t d = 1; d < vl; d <<= 1) {
      s = U(vadd_vv)(s, U(vslideup_vx)(zero, s, d, vl), vl);
    }
    vu32 ex = U(vadd_vx)(U(vsub_vv)(s, v, vl), carry, vl);
    U(vse32_v)(out, ex, vl);
    carry += EOK_CAT(U(vmv_x_s), _u32)(U(vslidedown_vx)(s, vl - 1, vl));
    in += vl;
    out += vl;
    left -= vl;
  }
  *total = (int)carry;
}
