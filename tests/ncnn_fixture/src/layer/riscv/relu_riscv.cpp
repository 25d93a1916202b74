#include "relu_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

ReLU_riscv::ReLU_riscv()
{
  support_packing = true;
  support_fp16_storage = true;
}

int ReLU_riscv::forward_inplace(Mat& m, const Option& opt) const
{
  if (opt.use_fp16_storage && m.elembits() == 16) {
    return forward_inplace_fp16s(m, opt);
  }
  const int size = m.w * m.h * m.elempack;
  for (int q = 0; q < m.c; q++) {
    float* p = m.channel(q);
    int n = size;
    while (n > 0) {
      const size_t vl = __riscv_vsetvl_e32m8(n);
      vfloat32m8_t v = __riscv_vle32_v_f32m8(p, vl);
      if (slope == 0.f) {
        v = __riscv_vfmax_vf_f32m8(v, 0.f, vl);
      } else {
        const vbool4_t neg = __riscv_vmflt_vf_f32m8_b4(v, 0.f, vl);
        v = __riscv_vfmul_vf_f32m8_mu(neg, v, v, slope, vl);
      }
      __riscv_vse32_v_f32m8(p, v, vl);
      p += vl;
      n -= static_cast<int>(vl);
    }
  }
  return 0;
}

} // namespace ncnn
