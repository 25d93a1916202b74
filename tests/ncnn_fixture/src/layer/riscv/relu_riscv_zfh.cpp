#include "relu_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

// fp16 storage and fp16 arithmetic, LMUL 8 as the fp32 path.
int ReLU_riscv::forward_inplace_fp16s(Mat& m, const Option&) const
{
  const int size = m.w * m.h * m.elempack;
  const _Float16 s = static_cast<_Float16>(slope);
  for (int q = 0; q < m.c; q++) {
    _Float16* p = reinterpret_cast<_Float16*>(m.channel(q));
    int n = size;
    while (n > 0) {
      const size_t vl = __riscv_vsetvl_e16m8(n);
      vfloat16m8_t v = __riscv_vle16_v_f16m8(p, vl);
      if (slope == 0.f) {
        v = __riscv_vfmax_vf_f16m8(v, static_cast<_Float16>(0.f), vl);
      } else {
        const vbool2_t neg = __riscv_vmflt_vf_f16m8_b2(v, static_cast<_Float16>(0.f), vl);
        v = __riscv_vfmul_vf_f16m8_mu(neg, v, v, s, vl);
      }
      __riscv_vse16_v_f16m8(p, v, vl);
      p += vl;
      n -= static_cast<int>(vl);
    }
  }
  return 0;
}

} // namespace ncnn
