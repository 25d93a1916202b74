// eok ker0: stable merge sort of int32 keys with int32 values (SUITE.md gp task 5), RVV 1.0.
//
// moderngpu's mergesort as passes of merges: runs of width w = 1, 2, 4, ... are merged
// pairwise until one run remains, ping-ponging between the output and a scratch buffer so
// the last pass lands in the output. Within a pass every output lane finds its own pair of
// runs from its index (base = p rounded down to 2w) and its merge-path split inside that
// pair by a binary search of log2(w) + 1 masked-gather steps, so one vector strip covers
// many small pairs in the early passes and part of one pair in the late ones. Ties take
// the left run first: the sort is stable.
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

// Merge the run pairs of width w of (sk, sv)[n] into (dk, dv).
static void merge_pass(const int* sk, const int* sv, int* dk, int* dv, size_t n, size_t w)
{
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 p = U(vadd_vx)(U(vid_v)(vl), (uint32_t)k, vl);
    vu32 base = U(vand_vx)(p, ~(uint32_t)(2 * w - 1), vl);
    vu32 d = U(vsub_vv)(p, base, vl);
    vu32 rest = U(vrsub_vx)(base, (uint32_t)n, vl);
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

void eok_mergesort_i32(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n_)
{
  size_t n = n_ > 0 ? (size_t)n_ : 0;
  size_t passes = 0;
  while (((size_t)1 << passes) < n) {
    passes++;
  }
  if (passes == 0) {
    copy(keys_in, keys, n);
    copy(vals_in, vals, n);
    return;
  }
  // Pass t writes the output when passes - 1 - t is even, so the last pass does.
  const int* sk = keys_in;
  const int* sv = vals_in;
  for (size_t t = 0; t < passes; ++t) {
    int* dk = (passes - 1 - t) % 2 == 0 ? keys : tmp_k;
    int* dv = (passes - 1 - t) % 2 == 0 ? vals : tmp_v;
    merge_pass(sk, sv, dk, dv, n, (size_t)1 << t);
    sk = dk;
    sv = dv;
  }
}
