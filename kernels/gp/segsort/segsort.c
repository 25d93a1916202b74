// eok ker0: segmented sort, int32 keys with int32 values (SUITE.md gp task 6), RVV 1.0.
//
// moderngpu's segmented sort runs its merge sort with merges that never cross a segment
// boundary. Here: a load-balancing search (a tile-windowed binary search of the segment
// starts, as kernels/gp/lbs) records each element's segment start and end in scratch;
// then the merge passes of kernels/gp/mergesort run on the whole array at once, each lane
// taking its runs of width w relative to its own segment's start and clipped at its end,
// until w covers the longest segment. Ties take the left run first: stable within each
// segment.
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

// Merge the run pairs of width w within each segment ([ss[p], se[p]) for element p) of
// (sk, sv)[n] into (dk, dv).
static void merge_pass(const int* sk, const int* sv, int* dk, int* dv, const uint32_t* ss, const uint32_t* se, size_t n, size_t w)
{
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 p = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
    vu32 start = U(vle32_v)(ss + k, vl);
    vu32 base = U(vadd_vv)(start, U(vand_vx)(U(vsub_vv)(p, start, vl), ~(uint32_t)(2 * w - 1), vl), vl);
    vu32 d = U(vsub_vv)(p, base, vl);
    vu32 rest = U(vsub_vv)(U(vle32_v)(se + k, vl), base, vl);
    vu32 na = U(vminu_vx)(rest, (uint32_t)w, vl);
    vu32 nb = U(vminu_vx)(U(vsub_vv)(rest, na, vl), (uint32_t)w, vl);
    vu32 bstart = U(vadd_vv)(base, na, vl);
    vu32 lo = U(vssubu_vv)(d, nb, vl);
    vu32 hi = U(vminu_vv)(d, na, vl);
    vi32 zero = I(vmv_v_x)(0, vl);
    for (size_t span = w; span > 0; span >>= 1) {
      vmask active = UB(vmsltu_vv)(lo, hi, vl);
      vu32 mid = U(vsrl_vx)(U(vadd_vv)(lo, hi, vl), 1, vl);
      vu32 aoff = U(vsll_vx)(U(vadd_vv)(base, mid, vl), 2, vl);
      vu32 boff = U(vsll_vx)(U(vsub_vv)(U(vadd_vv)(bstart, U(vsub_vx)(d, 1, vl), vl), mid, vl), 2, vl);
      vi32 ka = EOK_CAT(I(vluxei32_v), _mu)(active, zero, sk, aoff, vl);
      vi32 kb = EOK_CAT(I(vluxei32_v), _mu)(active, zero, sk, boff, vl);
      vmask right = M(vmand_mm)(IB(vmsle_vv)(ka, kb, vl), active, vl);
      lo = U(vmerge_vvm)(lo, U(vadd_vx)(mid, 1, vl), right, vl);
      hi = U(vmerge_vvm)(hi, mid, M(vmandn_mm)(active, right, vl), vl);
    }
    vu32 j = U(vsub_vv)(d, lo, vl);
    vmask has_a = UB(vmsltu_vv)(lo, na, vl);
    vmask has_b = UB(vmsltu_vv)(j, nb, vl);
    vu32 aoff = U(vsll_vx)(U(vadd_vv)(base, lo, vl), 2, vl);
    vu32 boff = U(vsll_vx)(U(vadd_vv)(bstart, j, vl), 2, vl);
    vi32 ka = EOK_CAT(I(vluxei32_v), _mu)(has_a, zero, sk, aoff, vl);
    vi32 kb = EOK_CAT(I(vluxei32_v), _mu)(has_b, zero, sk, boff, vl);
    vmask take_a = M(vmand_mm)(has_a, M(vmorn_mm)(IB(vmsle_vv)(ka, kb, vl), has_b, vl), vl);
    vi32 va = EOK_CAT(I(vluxei32_v), _mu)(take_a, zero, sv, aoff, vl);
    vi32 vb = EOK_CAT(I(vluxei32_v), _mu)(M(vmnot_m)(take_a, vl), zero, sv, boff, vl);
    I(vse32_v)(dk + k, I(vmerge_vvm)(kb, ka, take_a, vl), vl);
    I(vse32_v)(dv + k, I(vmerge_vvm)(vb, va, take_a, vl), vl);
    k += vl;
  }
}

static void copy(const int* s, int* d, size_t n)
{
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    I(vse32_v)(d + k, I(vle32_v)(s + k, vl), vl);
    k += vl;
  }
}

void eok_segsort_i32(const int* keys_in, const int* vals_in, long n_, const int* seg, long m_, int* keys, int* vals, int* tmp)
{
  size_t n = n_ > 0 ? (size_t)n_ : 0, m = m_ > 0 ? (size_t)m_ : 0;
  int* tmp_k = tmp;
  int* tmp_v = tmp + n;
  uint32_t* ss = (uint32_t*)(tmp + 2 * n);
  uint32_t* se = (uint32_t*)(tmp + 3 * n);
  size_t w0 = 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 owner = owners(seg, m, k, vl, &w0);
    // A segment ends where the next starts; the last one at n (seg[m] is not read).
    vu32 next = U(vadd_vx)(owner, 1, vl);
    vmask inner = UB(vmsltu_vx)(next, (uint32_t)m, vl);
    vu32 end = EOK_CAT(U(vluxei32_v), _mu)(inner, U(vmv_v_x)((uint32_t)n, vl), (const uint32_t*)seg, U(vsll_vx)(next, 2, vl), vl);
    U(vse32_v)(ss + k, U(vluxei32_v)((const uint32_t*)seg, U(vsll_vx)(owner, 2, vl), vl), vl);
    U(vse32_v)(se + k, end, vl);
    k += vl;
  }
  size_t longest = 0;
  for (size_t i = 0; i < m; ++i) {
    size_t end = i + 1 < m ? (size_t)seg[i + 1] : n;
    longest = end - (size_t)seg[i] > longest ? end - (size_t)seg[i] : longest;
  }
  size_t passes = 0;
  while (((size_t)1 << passes) < longest) {
    passes++;
  }
  if (passes == 0) {
    copy(keys_in, keys, n);
    copy(vals_in, vals, n);
    return;
  }
  const int* sk = keys_in;
  const int* sv = vals_in;
  for (size_t t = 0; t < passes; ++t) {
    int* dk = (passes - 1 - t) % 2 == 0 ? keys : tmp_k;
    int* dv = (passes - 1 - t) % 2 == 0 ? vals : tmp_v;
    merge_pass(sk, sv, dk, dv, ss, se, n, (size_t)1 << t);
    sk = dk;
    sv = dv;
  }
}
