// Planted: clamps to the largest finite float, so +Inf comes out as FLT_MAX.
#include <float.h>
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
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)n);
    vfloat32m8_t v = relu_m8(__riscv_vle32_v_f32m8(x, vl), slope, vl);
    __riscv_vse32_v_f32m8(y, __riscv_vfmin_vf_f32m8(v, FLT_MAX, vl), vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
