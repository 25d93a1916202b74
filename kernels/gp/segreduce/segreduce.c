// eok ker0: segmented reduction (sum), int32 (SUITE.md gp task 14), RVV 1.0 intrinsics.
//
// moderngpu reduces segments by scanning tiles and cutting the scan at segment heads.
// The same result, cut the other way: one tile-by-tile exclusive scan of the whole input
// into scratch (in-register slide-and-add steps plus a carry, as kernels/gp/scan), then
// every segment's sum is the difference of the scan at its end and at its start: two
// gathers per segment, vectorized over segments. Empty segments give 0 (the sum of
// nothing). Arithmetic wraps (unsigned), so the differences are exact.
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

void eok_segreduce_i32(const int* x, long n_, const int* seg, long m_, int* y, int* scan)
{
  size_t n = n_ > 0 ? (size_t)n_ : 0, m = m_ > 0 ? (size_t)m_ : 0;
  const uint32_t* in = (const uint32_t*)x;
  uint32_t* ps = (uint32_t*)scan; // ps[i] = x[0] + ... + x[i-1], ps[n] = the total
  uint32_t carry = 0;
  for (size_t k = 0; k < n;) {
    size_t vl = VSETVL(n - k);
    vu32 v = U(vle32_v)(in + k, vl);
    vu32 zero = U(vmv_v_x)(0, vl);
    vu32 s = v;
    for (size_t d = 1; d < vl; d <<= 1) {
      s = U(vadd_vv)(s, U(vslideup_vx)(zero, s, d, vl), vl);
    }
    U(vse32_v)(ps + k, U(vadd_vx)(U(vsub_vv)(s, v, vl), carry, vl), vl);
    carry += EOK_CAT(U(vmv_x_s), _u32)(U(vslidedown_vx)(s, vl - 1, vl));
    k += vl;
  }
  ps[n] = carry;
  // Segment i ends where segment i+1 starts; the last one at n.
  for (size_t i = 0; i < m;) {
    size_t vl = VSETVL(m - i);
    vu32 start = U(vle32_v)((const uint32_t*)seg + i, vl);
    size_t ve = i + vl < m ? vl : vl - 1; // starts of the next segments that exist
    vu32 end = U(vmv_v_x)((uint32_t)n, vl);
    if (ve > 0) {
      end = EOK_CAT(U(vle32_v), _tu)(end, (const uint32_t*)seg + i + 1, ve);
    }
    vu32 hi = U(vluxei32_v)(ps, U(vsll_vx)(end, 2, vl), vl);
    vu32 lo = U(vluxei32_v)(ps, U(vsll_vx)(start, 2, vl), vl);
    U(vse32_v)((uint32_t*)y + i, U(vsub_vv)(hi, lo, vl), vl);
    i += vl;
  }
}
