// Planted (cast_i8_f32): strips of a whole VLMAX, the tail included: the last strip reads
// and writes past n (vsetvlmax instead of vsetvl on what is left).
#include <riscv_vector.h>

void eok_cast_i8_f32(const unsigned char* x, float* y, long n)
{
  const signed char* s = (const signed char*)x;
  size_t vl = __riscv_vsetvlmax_e8m2();
  for (long i = 0; i < n; i += (long)vl) {
    vint16m4_t w = __riscv_vsext_vf2_i16m4(__riscv_vle8_v_i8m2(s + i, vl), vl);
    __riscv_vse32_v_f32m8(y + i, __riscv_vfwcvt_f_x_v_f32m8(w, vl), vl);
  }
}
