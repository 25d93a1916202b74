// Planted: strip-mines one element short, so the last element is never written.
#include <riscv_vector.h>

// NCNN's ReLU on one register group: vfmax for slope 0, else x * slope where x < 0.
static inline vfloat32m8_t relu_m8(vfloat32m8_t v, float slope, size_t vl)
{
  if (slope == 0.f) {
    return __riscv_vfmax_vf_f32m8(v, 0.f, vl);
  }
  return __riscv_vfmul_vf_f32m8_mu(__riscv_vmflt_vf_f32m8_b4(v, 0.f, vl), v, v, slope, vl);
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  long m = n - 1;
  while (m > 0) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)m);
    vfloat32m8_t v = __riscv_vle32_v_f32m8(x, vl);
    __riscv_vse32_v_f32m8(y, relu_m8(v, slope, vl), vl);
    x += vl;
    y += vl;
    m -= (long)vl;
  }
}
