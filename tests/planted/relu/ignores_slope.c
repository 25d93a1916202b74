// Planted: plain ReLU whatever the slope (vfmax against 0): right at slope 0 only, so leaky
// ReLU's negative side comes out 0 instead of x * slope.
#include <riscv_vector.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  (void)slope;
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)n);
    vfloat32m8_t v = __riscv_vle32_v_f32m8(x, vl);
    __riscv_vse32_v_f32m8(y, __riscv_vfmax_vf_f32m8(v, 0.f, vl), vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
