// eok ker0: vectorized sorted search, int32 (SUITE.md gp task 8), RVV 1.0 intrinsics.
//
// moderngpu's sorted search merges the sorted needles with the sorted haystack; its tile
// partition bounds, for each tile of needles, the part of the haystack they can land in.
// Here a tile is one vector of needles: two scalar searches give the window
// [lower_bound(first needle), upper_bound(last needle)] (the first starting from the
// previous tile's window, since needles ascend), and all lanes then binary-search that
// window together, log2(window) steps of masked gathers, once for the lower and once for
// the upper bound.
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

// First index in [lo, hi) whose hay value is >= x (upper = 0) or > x (upper = 1).
static size_t bound(const int* hay, size_t lo, size_t hi, int x, int upper)
{
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (hay[mid] < x || (upper && hay[mid] == x)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The lanes' bounds of x within [w0, w1) of hay.
static vu32 search(const int* hay, vi32 x, size_t w0, size_t w1, int upper, size_t vl)
{
  vu32 lo = U(vmv_v_x)((uint32_t)w0, vl), hi = U(vmv_v_x)((uint32_t)w1, vl);
  vi32 zero = I(vmv_v_x)(0, vl);
  for (size_t span = w1 - w0; span > 0; span >>= 1) {
    vmask active = UB(vmsltu_vv)(lo, hi, vl);
    vu32 mid = U(vsrl_vx)(U(vadd_vv)(lo, hi, vl), 1, vl);
    vi32 h = EOK_CAT(I(vluxei32_v), _mu)(active, zero, hay, U(vsll_vx)(mid, 2, vl), vl);
    vmask right = upper ? IB(vmsle_vv)(h, x, vl) : IB(vmslt_vv)(h, x, vl);
    right = M(vmand_mm)(right, active, vl);
    lo = U(vmerge_vvm)(lo, U(vadd_vx)(mid, 1, vl), right, vl);
    hi = U(vmerge_vvm)(hi, mid, M(vmandn_mm)(active, right, vl), vl);
  }
  return lo;
}

void eok_sorted_search_i32(const int* needles, long na_, const int* hay, long nb_, int* lower, int* upper)
{
  size_t na = na_ > 0 ? (size_t)na_ : 0, nb = nb_ > 0 ? (size_t)nb_ : 0;
  size_t w0 = 0;
  for (size_t k = 0; k < na;) {
    size_t vl = VSETVL(na - k);
    w0 = bound(hay, w0, nb, needles[k], 0);
    size_t w1 = bound(hay, w0, nb, needles[k + vl - 1], 1);
    vi32 x = I(vle32_v)(needles + k, vl);
    U(vse32_v)((uint32_t*)lower + k, search(hay, x, w0, w1, 0, vl), vl);
    U(vse32_v)((uint32_t*)upper + k, search(hay, x, w0, w1, 1, vl), vl);
    k += vl;
  }
}
