// eok ker0: set operations on sorted multisets, int32 (SUITE.md gp task 13), RVV 1.0.
//
// moderngpu's multiset operations pair the r-th copy of a value in a with the r-th copy in
// b (its balanced path). Here, per element, vectorized as in the other gp kernels:
// its rank among the equal values of its own list (a lower-bound search of its own value
// in a window of its list) and the number of equal values in the other list (lower and
// upper bounds in a window of the other list); an element is kept when its rank is below
// or at/above that count, depending on the operation; vcompress packs the kept ones of
// each side into scratch, and a merge-path merge (as kernels/gp/merge, a first on ties)
// writes the result, whose length is the count.
//   op 0 union:        all of a, and b's copies beyond a's count
//   op 1 intersection: a's copies below b's count
//   op 2 difference:   a's copies beyond b's count (a - b)
//   op 3 symmetric:    the copies beyond the other side's count, from either side
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


enum { KEEP_ALL, KEEP_MATCHED, KEEP_UNMATCHED, KEEP_NONE };

// Packs the elements of x[nx] that `rule` keeps, given y[ny], into out; returns how many.
static size_t keep_side(const int* x, size_t nx, const int* y, size_t ny, int rule, int* out)
{
  size_t kept = 0, wx = 0, wy = 0;
  for (size_t k = 0; k < nx && rule != KEEP_NONE;) {
    size_t vl = VSETVL(nx - k);
    vi32 v = I(vle32_v)(x + k, vl);
    vmask keep;
    if (rule == KEEP_ALL) {
      keep = IB(vmseq_vv)(v, v, vl);
    } else {
      wx = bound(x, wx, nx, x[k], 0);
      vu32 rank = U(vrsub_vx)(search(x, v, wx, k + vl, 0, vl), (uint32_t)0, vl);
      rank = U(vadd_vv)(rank, U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl), vl); // own index - lower bound
      wy = bound(y, wy, ny, x[k], 0);
      size_t wy1 = bound(y, wy, ny, x[k + vl - 1], 1);
      vu32 other = U(vsub_vv)(search(y, v, wy, wy1, 1, vl), search(y, v, wy, wy1, 0, vl), vl);
      vmask matched = UB(vmsltu_vv)(rank, other, vl);
      keep = rule == KEEP_MATCHED ? matched : M(vmnot_m)(matched, vl);
    }
    I(vse32_v)(out + kept, I(vcompress_vm)(v, keep, vl), vl);
    kept += M(vcpop_m)(keep, vl);
    k += vl;
  }
  return kept;
}

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

// Stable merge of sorted ak[na] and bk[nb] (a first on ties) into ck.
static void merge(const int* ak, size_t na, const int* bk, size_t nb, int* ck)
{
  size_t n = na + nb;
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
    I(vse32_v)(ck + k, I(vmerge_vvm)(kb, ka, take_a, vl), vl);
    i0 = i1;
    k += vl;
  }
}

void eok_multiset_i32(const int* a, long na_, const int* b, long nb_, int* out, long* count, int* tmp, int op)
{
  static const int rule_a[4] = {KEEP_ALL, KEEP_MATCHED, KEEP_UNMATCHED, KEEP_UNMATCHED};
  static const int rule_b[4] = {KEEP_UNMATCHED, KEEP_NONE, KEEP_NONE, KEEP_UNMATCHED};
  size_t na = na_ > 0 ? (size_t)na_ : 0, nb = nb_ > 0 ? (size_t)nb_ : 0;
  int o = op >= 0 && op < 4 ? op : 0;
  size_t ka = keep_side(a, na, b, nb, rule_a[o], tmp);
  size_t kb = keep_side(b, nb, a, na, rule_b[o], tmp + na);
  merge(tmp, ka, tmp + na, kb, out);
  *count = (long)(ka + kb);
}
