// Planted (innerproduct_f16): runs the remainder outputs as one more 16-wide block (no
// shorter vl), so the last store writes up to 15 halves past y (and reads weights past w).
#include <riscv_vector.h>

void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout)
{
  const size_t vl = __riscv_vsetvl_e16m1(16);
  for (long b = 0; b * 16 < nout; ++b) {
    vfloat32m2_t acc = __riscv_vle32_v_f32m2(bias + 16 * b, vl);
    const _Float16* wb = w + b * 16 * nin;
    for (long i = 0; i < nin; ++i) {
      vfloat32m2_t wv = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(wb + 16 * i, vl), vl);
      acc = __riscv_vfmacc_vf_f32m2(acc, (float)x[i], wv, vl);
    }
    __riscv_vse16_v_f16m1(y + 16 * b, __riscv_vfncvt_f_f_w_f16m1(acc, vl), vl);
  }
}
