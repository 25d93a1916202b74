// A correct quantize_u8 whose conversion to integer is a truncating `vfcvt.rtz.x.f.v`
// of values already rounded half to even (so truncation is exact). QEMU 7.2 aborts
// translating vfcvt.rtz when it is the first instruction of a translation block to
// use a rounding mode (decode_save_opc assertion, fixed in QEMU 8.1): the call to
// rounded() ends a block, so there the verdict must be emulator_fault, on a fixed QEMU
// ok; never crashed.
#include <riscv_vector.h>
#include <stdint.h>

__attribute__((noinline)) static vfloat32m4_t rounded(const float* x, float scale, size_t vl)
{
  vfloat32m4_t v = __riscv_vfmul_vf_f32m4(__riscv_vle32_v_f32m4(x, vl), scale, vl);
  v = __riscv_vfmin_vf_f32m4(__riscv_vfmax_vf_f32m4(v, -1000.0f, vl), 1000.0f, vl);
  return __riscv_vfcvt_f_x_v_f32m4(__riscv_vfcvt_x_f_v_i32m4(v, vl), vl); /* half to even */
}

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = __riscv_vsetvl_e32m4(left);
    vint32m4_t q = __riscv_vfcvt_rtz_x_f_v_i32m4(rounded(x, scale, vl), vl);
    q = __riscv_vmax_vx_i32m4(__riscv_vmin_vx_i32m4(__riscv_vadd_vx_i32m4(q, zero_point, vl), 255, vl), 0, vl);
    vuint16m2_t h = __riscv_vnsrl_wx_u16m2(__riscv_vreinterpret_v_i32m4_u32m4(q), 0, vl);
    __riscv_vse8_v_u8m1(y, __riscv_vnsrl_wx_u8m1(h, 0, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
