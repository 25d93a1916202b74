// Planted (prelu): always slope[0], the single-slope form, even when each channel has its
// own slope.
#include <riscv_vector.h>

void eok_prelu_f32(const float* x, const float* slope, float* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  (void)elempack;
  (void)num_slope;
  const float s = slope[0];
  for (long n = c * h * w; n > 0;) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)n);
    vfloat32m8_t p = __riscv_vle32_v_f32m8(x, vl);
    p = __riscv_vfmul_vf_f32m8_mu(__riscv_vmflt_vf_f32m8_b4(p, 0.f, vl), p, p, s, vl);
    __riscv_vse32_v_f32m8(y, p, vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
