// eok ker0: NCNN Eltwise (PROD, SUM with or without coefficients, MAX) over 2 or 3 fp32
// inputs, RVV 1.0 intrinsics, written the way NCNN's RVV layer does it: one strip-mined pass
// combines the first two inputs into y, each further input is folded into y by a second
// read-modify-write pass. SUM with coefficients multiplies then adds (vfmul, vfmul, vfadd),
// as NCNN does, without fused multiply-adds.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

enum { op_prod = 0, op_sum = 1, op_max = 2 };

// y = f(p, q) with coefficients cp, cq for the weighted sum (first = 1: p is an input,
// else p is y itself being folded).
static void combine(const float* p, const float* q, float* y, long n, long op, int weighted,
                    float cp, float cq, int first)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 vp = F(vle32_v)(p + i, vl);
    vf32 vq = F(vle32_v)(q + i, vl);
    vf32 r;
    if (op == op_prod) {
      r = F(vfmul_vv)(vp, vq, vl);
    } else if (op == op_max) {
      r = F(vfmax_vv)(vp, vq, vl);
    } else if (!weighted) {
      r = F(vfadd_vv)(vp, vq, vl);
    } else if (first) {
      r = F(vfadd_vv)(F(vfmul_vf)(vp, cp, vl), F(vfmul_vf)(vq, cq, vl), vl);
    } else {
      r = F(vfadd_vv)(vp, F(vfmul_vf)(vq, cq, vl), vl);
    }
    F(vse32_v)(y + i, r, vl);
    i += (long)vl;
  }
}

void eok_eltwise_f32(const float* a, const float* b, const float* c, const float* coeffs,
                     float* y, long n, long k, long op, long use_coeff)
{
  int weighted = op == op_sum && use_coeff;
  combine(a, b, y, n, op, weighted, weighted ? coeffs[0] : 1.f, weighted ? coeffs[1] : 1.f, 1);
  if (k == 3) {
    combine(y, c, y, n, op, weighted, 1.f, weighted ? coeffs[2] : 1.f, 0);
  }
}
