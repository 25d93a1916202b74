// eok ker0: NCNN Eltwise (PROD, SUM with or without coefficients, MAX) over 2 or 3 inputs,
// fp16 in and out (Zvfh) with fp16 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's Eltwise_riscv fp16 path (eltwise_riscv_zfh.cpp, fp16 arithmetic only): one
// strip-mined pass combines the first two inputs into y, each further input is folded into
// y by a read-modify-write pass; coefficients are rounded to fp16 and SUM with coefficients
// multiplies then adds (vfmul, vfmul, vfadd; then vfmul, vfadd), each step rounding to fp16.
// MAX is vfmax (a NaN operand loses to a number).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed fp16 intrinsic names for the chosen LMUL: H(vfadd_vv) is __riscv_vfadd_vv_f16m8.
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)

enum { op_prod = 0, op_sum = 1, op_max = 2 };

static void combine(const _Float16* p, const _Float16* q, _Float16* y, long n, long op,
                    int weighted, _Float16 cp, _Float16 cq, int first)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf16 vp = H(vle16_v)(p + i, vl);
    vf16 vq = H(vle16_v)(q + i, vl);
    vf16 r;
    if (op == op_prod) {
      r = H(vfmul_vv)(vp, vq, vl);
    } else if (op == op_max) {
      r = H(vfmax_vv)(vp, vq, vl);
    } else if (!weighted) {
      r = H(vfadd_vv)(vp, vq, vl);
    } else if (first) {
      r = H(vfadd_vv)(H(vfmul_vf)(vp, cp, vl), H(vfmul_vf)(vq, cq, vl), vl);
    } else {
      r = H(vfadd_vv)(vp, H(vfmul_vf)(vq, cq, vl), vl);
    }
    H(vse16_v)(y + i, r, vl);
    i += (long)vl;
  }
}

void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff)
{
  int weighted = op == op_sum && use_coeff;
  _Float16 c0 = weighted ? (_Float16)coeffs[0] : 1, c1 = weighted ? (_Float16)coeffs[1] : 1;
  combine(a, b, y, n, op, weighted, c0, c1, 1);
  if (k == 3) {
    combine(y, c, y, n, op, weighted, 1, weighted ? (_Float16)coeffs[2] : 1, 0);
  }
}
