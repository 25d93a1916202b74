// Planted (relu, out-of-bounds read): always loads a whole register group (VLMAX elements),
// reading past the end of x on the last strip; stores only what is in range. On a board the
// read faults at a page end: out_of_bounds, "read x[".
#include <riscv_vector.h>

void eok_relu_f32(const float* x, float* y, long n)
{
  size_t vlmax = __riscv_vsetvlmax_e32m8();
  for (long i = 0; i < n; i += (long)vlmax) {
    vfloat32m8_t v = __riscv_vle32_v_f32m8(x + i, vlmax);
    v = __riscv_vfmax_vf_f32m8(v, 0.0f, vlmax);
    size_t vl = __riscv_vsetvl_e32m8((size_t)(n - i));
    __riscv_vse32_v_f32m8(y + i, v, vl);
  }
}
