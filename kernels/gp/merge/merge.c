// eok ker0: merge of two sorted key-value sequences, int32 (SUITE.md gp task 4), RVV 1.0.
//
// moderngpu's merge: the output is cut into tiles; a merge-path search at each tile edge
// (the split of k outputs into i from a and k - i from b) bounds where the tile's inputs
// lie, and each output within the tile finds its own split by a binary search inside
// those bounds. Here a tile is one vector of vl outputs, one lane per output (moderngpu's
// threads with one value each): the lanes' searches run together, log2(tile span) steps
// of masked gathers, then each lane picks a[i] or b[k - i]. Ties take a first (stable).
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

// Merge-path split of diagonal k: how many of the first k outputs come from a.
static size_t split(const int* a, size_t na, const int* b, size_t nb, size_t k)
{
  size_t lo = k > nb ? k - nb : 0, hi = k < na ? k : na;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a[mid] <= b[k - 1 - mid]) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

void eok_merge_i32(const int* ak, const int* av, long na_, const int* bk, const int* bv, long nb_, int* ck, int* cv)
{
  size_t na = na_ > 0 ? (size_t)na_ : 0, nb = nb_ > 0 ? (size_t)nb_ : 0, n = na + nb;
  size_t i0 = 0; // split at the tile's first output
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    size_t i1 = split(ak, na, bk, nb, k + vl); // split after the tile's last output
    vu32 d = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
    // Each lane's split lies in [max(i0, d - nb), min(i1, d)].
    vu32 lo = U(vmaxu_vx)(U(vssubu_vx)(d, (uint32_t)nb, vl), (uint32_t)i0, vl);
    vu32 hi = U(vminu_vx)(d, (uint32_t)i1, vl);
    vi32 zero = I(vmv_v_x)(0, vl);
    for (size_t span = i1 - i0; span > 0; span >>= 1) {
      vmask active = UB(vmsltu_vv)(lo, hi, vl);
      vu32 mid = U(vsrl_vx)(U(vadd_vv)(lo, hi, vl), 1, vl);
      vu32 boff = U(vsll_vx)(U(vsub_vv)(U(vsub_vx)(d, 1, vl), mid, vl), 2, vl);
      vi32 ka = EOK_CAT(I(vluxei32_v), _mu)(active, zero, ak, U(vsll_vx)(mid, 2, vl), vl);
      vi32 kb = EOK_CAT(I(vluxei32_v), _mu)(active, zero, bk, boff, vl);
      vmask right = M(vmand_mm)(IB(vmsle_vv)(ka, kb, vl), active, vl);
      lo = U(vmerge_vvm)(lo, U(vadd_vx)(mid, 1, vl), right, vl);
      hi = U(vmerge_vvm)(hi, mid, M(vmandn_mm)(active, right, vl), vl);
    }
    // Lane d takes a[i] when a has one left and b has none, or a[i] <= b[j].
    vu32 j = U(vsub_vv)(d, lo, vl);
    vmask has_a = UB(vmsltu_vx)(lo, (uint32_t)na, vl);
    vmask has_b = UB(vmsltu_vx)(j, (uint32_t)nb, vl);
    vu32 aoff = U(vsll_vx)(lo, 2, vl), boff = U(vsll_vx)(j, 2, vl);
    vi32 ka = EOK_CAT(I(vluxei32_v), _mu)(has_a, zero, ak, aoff, vl);
    vi32 kb = EOK_CAT(I(vluxei32_v), _mu)(has_b, zero, bk, boff, vl);
    vmask take_a = M(vmand_mm)(has_a, M(vmorn_mm)(IB(vmsle_vv)(ka, kb, vl), has_b, vl), vl);
    vmask take_b = M(vmnot_m)(take_a, vl);
    vi32 va = EOK_CAT(I(vluxei32_v), _mu)(take_a, zero, av, aoff, vl);
    vi32 vb = EOK_CAT(I(vluxei32_v), _mu)(take_b, zero, bv, boff, vl);
    I(vse32_v)(ck + k, I(vmerge_vvm)(kb, ka, take_a, vl), vl);
    I(vse32_v)(cv + k, I(vmerge_vvm)(vb, va, take_a, vl), vl);
    i0 = i1;
    k += vl;
  }
}
