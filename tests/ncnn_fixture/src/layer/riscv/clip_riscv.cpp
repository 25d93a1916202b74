#include "clip_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

Clip_riscv::Clip_riscv()
{
  support_packing = true;
}

int Clip_riscv::forward_inplace(Mat& m, const Option&) const
{
  const int size = m.w * m.h * m.elempack;
  for (int q = 0; q < m.c; q++) {
    float* p = m.channel(q);
    int n = size;
    while (n > 0) {
      const size_t vl = __riscv_vsetvl_e32m1(n);
      vfloat32m1_t v = __riscv_vle32_v_f32m1(p, vl);
      v = __riscv_vfmax_vf_f32m1(v, min, vl);
      v = __riscv_vfmin_vf_f32m1(v, max, vl);
      __riscv_vse32_v_f32m1(p, v, vl);
      p += vl;
      n -= static_cast<int>(vl);
    }
  }
  return 0;
}

} // namespace ncnn
