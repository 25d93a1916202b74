// eok ker0: NCNN Bias with fp16 storage and fp16 arithmetic (Zvfh), RVV 1.0 intrinsics.
//
// As NCNN's Bias_riscv fp16 path (bias_riscv_zfh.cpp, forward_inplace_fp16s, its only one):
// channel q's fp32 bias is rounded to fp16 once, then each value of the plane gets one fp16
// vfadd.vf over a vsetvl strip (NCNN: e16m8).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_bias_f16(const _Float16* x, const float* bias, _Float16* y, long c, long h, long w)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    const _Float16* p = x + q * size;
    _Float16* o = y + q * size;
    const _Float16 b = (_Float16)bias[q];
    for (long n = size; n > 0;) {
      size_t vl = VSETVL((size_t)n);
      H(vse16_v)(o, H(vfadd_vf)(H(vle16_v)(p, vl), b, vl), vl);
      p += vl;
      o += vl;
      n -= (long)vl;
    }
  }
}
