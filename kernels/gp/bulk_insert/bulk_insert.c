// eok ker0: bulk insert, int32 (SUITE.md gp task 3), RVV 1.0 intrinsics.
//
// moderngpu's bulk_insert is a merge of the insertion indices with the positions 0..n-1
// of b (an insertion at index j goes before b[j], inserted items first on ties): merge-path
// partitioning per tile of outputs, then each lane's split by a binary search inside the
// tile's window (as kernels/gp/merge, with b's keys implicit: b's key at j is j).
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

// Merge-path split of diagonal k between idx[0..m) and 0..n-1.
static size_t split(const int* idx, size_t m, size_t n, size_t k)
{
  size_t lo = k > n ? k - n : 0, hi = k < m ? k : m;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((size_t)idx[mid] <= k - 1 - mid) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

void eok_bulk_insert_i32(const int* a, const int* idx, long m_, const int* b, long n_, int* y)
{
  size_t m = m_ > 0 ? (size_t)m_ : 0, n = n_ > 0 ? (size_t)n_ : 0, total = m + n;
  size_t i0 = 0;
  for (size_t k = 0; k < total;) {
    size_t vl = VSETVL(total - k);
    size_t i1 = split(idx, m, n, k + vl);
    vu32 d = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
    vu32 lo = U(vmaxu_vx)(U(vssubu_vx)(d, (uint32_t)n, vl), (uint32_t)i0, vl);
    vu32 hi = U(vminu_vx)(d, (uint32_t)i1, vl);
    vu32 zero = U(vmv_v_x)(0, vl);
    for (size_t span = i1 - i0; span > 0; span >>= 1) {
      vmask active = UB(vmsltu_vv)(lo, hi, vl);
      vu32 mid = U(vsrl_vx)(U(vadd_vv)(lo, hi, vl), 1, vl);
      vu32 at = EOK_CAT(U(vluxei32_v), _mu)(active, zero, (const uint32_t*)idx, U(vsll_vx)(mid, 2, vl), vl);
      vu32 bj = U(vsub_vv)(U(vsub_vx)(d, 1, vl), mid, vl);
      vmask right = M(vmand_mm)(UB(vmsleu_vv)(at, bj, vl), active, vl);
      lo = U(vmerge_vvm)(lo, U(vadd_vx)(mid, 1, vl), right, vl);
      hi = U(vmerge_vvm)(hi, mid, M(vmandn_mm)(active, right, vl), vl);
    }
    vu32 j = U(vsub_vv)(d, lo, vl);
    vmask has_a = UB(vmsltu_vx)(lo, (uint32_t)m, vl);
    vmask has_b = UB(vmsltu_vx)(j, (uint32_t)n, vl);
    vu32 aoff = U(vsll_vx)(lo, 2, vl);
    vu32 at = EOK_CAT(U(vluxei32_v), _mu)(has_a, zero, (const uint32_t*)idx, aoff, vl);
    vmask take_a = M(vmand_mm)(has_a, M(vmorn_mm)(UB(vmsleu_vv)(at, j, vl), has_b, vl), vl);
    vi32 izero = I(vmv_v_x)(0, vl);
    vi32 va = EOK_CAT(I(vluxei32_v), _mu)(take_a, izero, a, aoff, vl);
    vi32 vb = EOK_CAT(I(vluxei32_v), _mu)(M(vmnot_m)(take_a, vl), izero, b, U(vsll_vx)(j, 2, vl), vl);
    I(vse32_v)(y + k, I(vmerge_vvm)(vb, va, take_a, vl), vl);
    i0 = i1;
    k += vl;
  }
}
