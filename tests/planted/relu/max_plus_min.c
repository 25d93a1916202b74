// Planted: leaky ReLU as max(x, 0) + slope * min(x, 0), the branch-free textbook form. vfmax
// and vfmin drop NaN, so NaN comes out 0 (ker0 keeps it at slope != 0), and at slope 0 an
// input of -inf gives 0 * -inf = NaN where ker0 gives 0.
#include <riscv_vector.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)n);
    vfloat32m8_t v = __riscv_vle32_v_f32m8(x, vl);
    vfloat32m8_t pos = __riscv_vfmax_vf_f32m8(v, 0.f, vl);
    vfloat32m8_t neg = __riscv_vfmin_vf_f32m8(v, 0.f, vl);
    __riscv_vse32_v_f32m8(y, __riscv_vfmacc_vf_f32m8(pos, slope, neg, vl), vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
