// eok ker0: NCNN Bias, fp32, RVV 1.0, written the way NCNN's Bias_riscv does it: per
// channel, the bias as a scalar operand (vfadd.vf) over a vsetvl strip of the plane. No
// packed path: NCNN's layer leaves support_packing off, so its blobs arrive planar.
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
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_bias_f32(const float* x, const float* bias, float* y, long c, long h, long w)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    const float* ptr = x + q * size;
    float* outptr = y + q * size;
    const float b = bias[q];
    long n = size;
    while (n > 0) {
      size_t vl = VSETVL((size_t)n);
      F(vse32_v)(outptr, F(vfadd_vf)(F(vle32_v)(ptr, vl), b, vl), vl);
      ptr += vl;
      outptr += vl;
      n -= (long)vl;
    }
  }
}
