#include "cast_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

void Cast_riscv::cast_fp16_to_fp32(const Mat& bottom, Mat& top) const
{
  const int size = bottom.w * bottom.h * bottom.elempack;
  for (int q = 0; q < bottom.c; q++) {
    const _Float16* in = reinterpret_cast<const _Float16*>(bottom.channel(q));
    float* out = top.channel(q);
    for (int i = 0; i < size;) {
      const size_t vl = __riscv_vsetvl_e16m4(size - i);
      __riscv_vse32_v_f32m8(out + i, __riscv_vfwcvt_f_f_v_f32m8(__riscv_vle16_v_f16m4(in + i, vl), vl), vl);
      i += static_cast<int>(vl);
    }
  }
}

} // namespace ncnn
