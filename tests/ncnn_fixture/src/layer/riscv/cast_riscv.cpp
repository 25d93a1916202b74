#include "cast_riscv.h"

#include "riscv_usability.h"

#include <cstdint>

namespace ncnn {

Cast_riscv::Cast_riscv()
{
  support_packing = true;
  support_inplace = false;
}

int Cast_riscv::forward(const Mat& bottom, Mat& top, const Option&) const
{
  const int ep = bottom.elempack;
  if (bottom.elemsize != cast_type_bytes(type_from) * ep || bottom.dims != 3) {
    return -1;
  }
  top.create(bottom.w, bottom.h, bottom.c, cast_type_bytes(type_to) * ep, ep);
  if (type_from == 2) {
    cast_fp16_to_fp32(bottom, top);
    return 0;
  }
  const int size = bottom.w * bottom.h * ep;
  for (int q = 0; q < bottom.c; q++) {
    const void* in = bottom.channel(q);
    void* out = top.channel(q);
    for (int i = 0; i < size;) {
      const size_t vl = __riscv_vsetvl_e32m4(size - i);
      if (type_from == 3) {
        // int8: sign-extended, then converted
        const vint8m1_t x = __riscv_vle8_v_i8m1(static_cast<const int8_t*>(in) + i, vl);
        __riscv_vse32_v_f32m4(static_cast<float*>(out) + i, __riscv_vfcvt_f_x_v_f32m4(__riscv_vsext_vf4_i32m4(x, vl), vl), vl);
      } else if (type_from == 4) {
        // bf16: the upper half of the fp32 bits
        const vuint16m2_t x = __riscv_vle16_v_u16m2(static_cast<const uint16_t*>(in) + i, vl);
        const vuint32m4_t bits = __riscv_vsll_vx_u32m4(__riscv_vzext_vf2_u32m4(x, vl), 16, vl);
        __riscv_vse32_v_u32m4(static_cast<uint32_t*>(out) + i, bits, vl);
      } else {
        // fp32 -> bf16, truncating
        const vuint32m4_t x = __riscv_vle32_v_u32m4(static_cast<const uint32_t*>(in) + i, vl);
        __riscv_vse16_v_u16m2(static_cast<uint16_t*>(out) + i, __riscv_vnsrl_wx_u16m2(x, 16, vl), vl);
      }
      i += static_cast<int>(vl);
    }
  }
  return 0;
}

} // namespace ncnn
