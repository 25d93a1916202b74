// Planted (batchnorm): the packed path takes one scalar a and b per group of 8 channels
// (the planar loop's per-channel scalars, indexed by group), not a vector of 8.
#include <riscv_vector.h>

void eok_batchnorm_f32(const float* x, const float* a, const float* b, float* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  const long planes = elempack == 8 ? c / 8 : c;
  const long len = elempack == 8 ? size * 8 : size;
  for (long q = 0; q < planes; ++q) {
    const float* p = x + q * len;
    float* o = y + q * len;
    for (long n = len; n > 0;) {
      size_t vl = __riscv_vsetvl_e32m8((size_t)n);
      vfloat32m8_t v = __riscv_vfmul_vf_f32m8(__riscv_vle32_v_f32m8(p, vl), b[q], vl);
      __riscv_vse32_v_f32m8(o, __riscv_vfadd_vf_f32m8(v, a[q], vl), vl);
      p += vl;
      o += vl;
      n -= (long)vl;
    }
  }
}
