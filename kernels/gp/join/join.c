// eok ker0: relational inner join of two sorted key lists, int32 (SUITE.md gp task 12), RVV.
//
// moderngpu's inner join in four data-parallel steps, each vectorized as in the other gp
// kernels: (1) a sorted search of every a key in b for its lower and upper bound (tiles
// of a with a window of b, per-lane binary searches by masked gathers), (2) the match
// counts upper - lower, (3) their exclusive scan (in-register, carry between tiles) giving
// each a element's first output and the total, (4) a load-balancing search over the
// outputs: output k belongs to the a element i whose range holds it, and pairs it with
// b[lower[i] + k - start[i]]. Outputs beyond cap are not written (the count says how many
// were).
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

// Exclusive scan of c[0..n) in place, tile by tile (in-register slide-and-add, carry
// between tiles); returns the total.
static uint32_t exclusive_scan(uint32_t* c, size_t n)
{
  uint32_t carry = 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 v = U(vle32_v)(c + k, vl);
    vu32 zero = U(vmv_v_x)(0, vl);
    vu32 s = v;
    for (size_t d = 1; d < vl; d <<= 1) {
      s = U(vadd_vv)(s, U(vslideup_vx)(zero, s, d, vl), vl);
    }
    U(vse32_v)(c + k, U(vadd_vx)(U(vsub_vv)(s, v, vl), carry, vl), vl);
    carry += EOK_CAT(U(vmv_x_s), _u32)(U(vslidedown_vx)(s, vl - 1, vl));
    k += vl;
  }
  return carry;
}

void eok_join_i32(const int* a, long na_, const int* b, long nb_, int* ai, int* bi, long* count, long cap_, int* tmp)
{
  size_t na = na_ > 0 ? (size_t)na_ : 0, nb = nb_ > 0 ? (size_t)nb_ : 0, cap = cap_ > 0 ? (size_t)cap_ : 0;
  uint32_t* lower = (uint32_t*)tmp;     // na
  uint32_t* start = (uint32_t*)tmp + na; // na counts, then their exclusive scan
  size_t w0 = 0;
  for (size_t k = 0; k < na;) {
    size_t vl = VSETVL(na - k);
    w0 = bound(b, w0, nb, a[k], 0);
    size_t w1 = bound(b, w0, nb, a[k + vl - 1], 1);
    vi32 x = I(vle32_v)(a + k, vl);
    vu32 lo = search(b, x, w0, w1, 0, vl);
    vu32 up = search(b, x, w0, w1, 1, vl);
    U(vse32_v)(lower + k, lo, vl);
    U(vse32_v)(start + k, U(vsub_vv)(up, lo, vl), vl);
    k += vl;
  }
  size_t total = exclusive_scan(start, na);
  size_t n = total < cap ? total : cap;
  size_t s0 = 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 owner = owners((const int*)start, na, k, vl, &s0);
    vu32 at = U(vsll_vx)(owner, 2, vl);
    vu32 item = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
    vu32 rank = U(vsub_vv)(item, U(vluxei32_v)(start, at, vl), vl);
    U(vse32_v)((uint32_t*)ai + k, owner, vl);
    U(vse32_v)((uint32_t*)bi + k, U(vadd_vv)(U(vluxei32_v)(lower, at, vl), rank, vl), vl);
    k += vl;
  }
  *count = (long)n;
}
