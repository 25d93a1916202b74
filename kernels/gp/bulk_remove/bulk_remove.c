// eok ker0: bulk remove, int32 (SUITE.md gp task 2), RVV 1.0 intrinsics.
//
// moderngpu's bulk_remove marks the removed positions and compacts the rest, tile by tile.
// In RVV: clear a flag per element (scratch), scatter a 1 at every index to remove
// (indexed stores, vl indices at a time), then stream x with the flags: a mask compare
// selects the kept lanes, vcompress packs them and vcpop advances the output.
#include <riscv_vector.h>
#include <stddef.h>
#include <stdint.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif
#if EOK_LMUL == 1
#define EOK_MB 32
#elif EOK_LMUL == 2
#define EOK_MB 16
#elif EOK_LMUL == 4
#define EOK_MB 8
#elif EOK_LMUL == 8
#define EOK_MB 4
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
// Typed intrinsic names for the chosen LMUL: I(vle32_v) is __riscv_vle32_v_i32m4, IB(vmsle_vv)
// __riscv_vmsle_vv_i32m4_b8, M(vmand_mm) __riscv_vmand_mm_b8.
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_i32m, EOK_LMUL))
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_u32m, EOK_LMUL))
#define IB(op) EOK_CAT(I(op), EOK_CAT(_b, EOK_MB))
#define UB(op) EOK_CAT(U(op), EOK_CAT(_b, EOK_MB))
#define M(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_b, EOK_MB))
#define vi32 EOK_CAT(EOK_CAT(vint32m, EOK_LMUL), _t)
#define vu32 EOK_CAT(EOK_CAT(vuint32m, EOK_LMUL), _t)
#define vmask EOK_CAT(EOK_CAT(vbool, EOK_MB), _t)
#define VSETVL EOK_CAT(__riscv_vsetvl_e32m, EOK_LMUL)

void eok_bulk_remove_i32(const int* x, long n_, const int* idx, long m_, int* y, int* flags)
{
  size_t n = n_ > 0 ? (size_t)n_ : 0, m = m_ > 0 ? (size_t)m_ : 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    I(vse32_v)(flags + k, I(vmv_v_x)(0, vl), vl);
    k += vl;
  }
  for (size_t k = 0; k < m;) {
    size_t vl = VSETVL(m - k);
    vu32 at = U(vsll_vx)(U(vle32_v)((const uint32_t*)idx + k, vl), 2, vl);
    I(vsuxei32_v)(flags, at, I(vmv_v_x)(1, vl), vl);
    k += vl;
  }
  int* out = y;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vmask keep = IB(vmseq_vx)(I(vle32_v)(flags + k, vl), 0, vl);
    vi32 packed = I(vcompress_vm)(I(vle32_v)(x + k, vl), keep, vl);
    size_t kept = M(vcpop_m)(keep, vl);
    I(vse32_v)(out, packed, kept);
    out += kept;
    k += vl;
  }
}
