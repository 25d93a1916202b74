// Planted (cast_i8_f32): the bytes widened with vzext (unsigned) instead of vsext: negative
// int8 values come out 256 too large (-1 -> 255).
#include <riscv_vector.h>

void eok_cast_i8_f32(const unsigned char* x, float* y, long n)
{
  for (long i = 0; i < n;) {
    size_t vl = __riscv_vsetvl_e8m2((size_t)(n - i));
    vuint16m4_t w = __riscv_vzext_vf2_u16m4(__riscv_vle8_v_u8m2(x + i, vl), vl);
    __riscv_vse32_v_f32m8(y + i, __riscv_vfwcvt_f_xu_v_f32m8(w, vl), vl);
    i += (long)vl;
  }
}
