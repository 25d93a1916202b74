#include "binaryop_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

BinaryOp_riscv::BinaryOp_riscv()
{
  support_packing = true;
}

static vfloat32m4_t binary(int op, vfloat32m4_t a, vfloat32m4_t b, size_t vl)
{
  switch (op) {
  case 0:
    return __riscv_vfadd_vv_f32m4(a, b, vl);
  case 1:
    return __riscv_vfsub_vv_f32m4(a, b, vl);
  case 2:
    return __riscv_vfmul_vv_f32m4(a, b, vl);
  case 3:
    return __riscv_vfdiv_vv_f32m4(a, b, vl);
  case 4:
    return __riscv_vfmax_vv_f32m4(a, b, vl);
  default:
    return __riscv_vfmin_vv_f32m4(a, b, vl);
  }
}

int BinaryOp_riscv::forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option&) const
{
  if (bottoms.size() != 2 || tops.size() != 1) {
    return -1;
  }
  const Mat& a = bottoms[0];
  const Mat& b = bottoms[1];
  const bool per_channel = b.w == 1 && b.h == 1 && a.w * a.h > 1;
  if ((!per_channel && (a.w != b.w || a.h != b.h)) || a.c != b.c || a.elempack != b.elempack) {
    return -1;
  }
  tops[0].create(a.w, a.h, a.c, a.elemsize, a.elempack);
  const int size = a.w * a.h * a.elempack;
  for (int q = 0; q < a.c; q++) {
    const float* x = a.channel(q);
    const float* y = b.channel(q);
    float* out = tops[0].channel(q);
    if (per_channel) {
      // the channel's elempack values, one per lane, against every pixel
      const int ep = a.elempack;
      for (int i = 0; i < a.w * a.h; i++) {
        const size_t vl = __riscv_vsetvl_e32m4(ep);
        const vfloat32m4_t yb = ep == 1 ? __riscv_vfmv_v_f_f32m4(y[0], vl) : __riscv_vle32_v_f32m4(y, vl);
        __riscv_vse32_v_f32m4(out + i * ep, binary(op_type, __riscv_vle32_v_f32m4(x + i * ep, vl), yb, vl), vl);
      }
      continue;
    }
    for (int i = 0; i < size;) {
      const size_t vl = __riscv_vsetvl_e32m4(size - i);
      __riscv_vse32_v_f32m4(out + i, binary(op_type, __riscv_vle32_v_f32m4(x + i, vl), __riscv_vle32_v_f32m4(y + i, vl), vl), vl);
      i += static_cast<int>(vl);
    }
  }
  return 0;
}

} // namespace ncnn
