// Planted (batchnorm): ignores elempack and treats a packed blob as planar planes of h*w,
// so from the second pixel on values get the constants of the wrong channel.
#include <riscv_vector.h>

void eok_batchnorm_f32(const float* x, const float* a, const float* b, float* y, long c,
                       long h, long w, long elempack)
{
  (void)elempack;
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    const float* p = x + q * size;
    float* o = y + q * size;
    for (long n = size; n > 0;) {
      size_t vl = __riscv_vsetvl_e32m8((size_t)n);
      vfloat32m8_t v = __riscv_vfmul_vf_f32m8(__riscv_vle32_v_f32m8(p, vl), b[q], vl);
      __riscv_vse32_v_f32m8(o, __riscv_vfadd_vf_f32m8(v, a[q], vl), vl);
      p += vl;
      o += vl;
      n -= (long)vl;
    }
  }
}
