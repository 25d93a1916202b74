// eok ker0: load-balancing search, int32 (SUITE.md gp task 9), RVV 1.0 intrinsics.
//
// moderngpu's load-balancing search merges the item indices 0..n-1 with the segment
// starts; its tile partition bounds which starts a tile of items can see. Here a tile is
// one vector of items: two scalar searches give the window of starts between the tile's
// first and last item, and the lanes binary-search it together (log2(window) steps of
// masked gathers) for the last start <= their item: that segment owns the item. Empty
// segments (equal starts) are skipped over by the search.
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

// First index in [lo, hi) whose segment start is > x.
static size_t after(const int* seg, size_t lo, size_t hi, uint32_t x)
{
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((uint32_t)seg[mid] <= x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The owning segment of items k .. k+vl-1: (number of starts <= item) - 1, each lane's
// search confined to the tile's window [w0, w1) of segment starts. *w0 carries the window
// start from tile to tile (items ascend).
static vu32 owners(const int* seg, size_t m, size_t k, size_t vl, size_t* w0)
{
  *w0 = after(seg, *w0, m, (uint32_t)k);
  size_t w1 = after(seg, *w0, m, (uint32_t)(k + vl - 1));
  vu32 item = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
  vu32 lo = U(vmv_v_x)((uint32_t)*w0, vl), hi = U(vmv_v_x)((uint32_t)w1, vl);
  vu32 zero = U(vmv_v_x)(0, vl);
  for (size_t span = w1 - *w0; span > 0; span >>= 1) {
    vmask active = UB(vmsltu_vv)(lo, hi, vl);
    vu32 mid = U(vsrl_vx)(U(vadd_vv)(lo, hi, vl), 1, vl);
    vu32 s = EOK_CAT(U(vluxei32_v), _mu)(active, zero, (const uint32_t*)seg, U(vsll_vx)(mid, 2, vl), vl);
    vmask right = M(vmand_mm)(UB(vmsleu_vv)(s, item, vl), active, vl);
    lo = U(vmerge_vvm)(lo, U(vadd_vx)(mid, 1, vl), right, vl);
    hi = U(vmerge_vvm)(hi, mid, M(vmandn_mm)(active, right, vl), vl);
  }
  return U(vsub_vx)(lo, 1, vl);
}

void eok_lbs_i32(const int* seg, long m_, int* owner, long n_)
{
  size_t m = m_ > 0 ? (size_t)m_ : 0, n = n_ > 0 ? (size_t)n_ : 0;
  size_t w0 = 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    U(vse32_v)((uint32_t*)owner + k, owners(seg, m, k, vl, &w0), vl);
    k += vl;
  }
}
