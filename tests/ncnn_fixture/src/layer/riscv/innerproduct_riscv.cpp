#include "innerproduct_riscv.h"

#include "riscv_usability.h"

namespace ncnn {

InnerProduct_riscv::InnerProduct_riscv()
{
  support_packing = true;
}

// Each output is one dot product accumulated in a vector register: along the
// plane for planar input, across the packed channels (a strided weight load)
// for packed input.
int InnerProduct_riscv::forward(const Mat& bottom, Mat& top, const Option&) const
{
  const int ep = bottom.elempack;
  const int size = bottom.w * bottom.h;
  const int n = size * bottom.c * ep;
  if (n * num_output != weight_data_size) {
    return -100;
  }
  top.create(num_output, 4u, 1);
  const float* weight = static_cast<const float*>(weight_data.data);
  float* out = static_cast<float*>(top.data);
  const size_t vlmax = __riscv_vsetvlmax_e32m1();
  for (int o = 0; o < num_output; o++) {
    vfloat32m1_t acc = __riscv_vfmv_v_f_f32m1(0.f, vlmax);
    const float* wo = weight + static_cast<size_t>(o) * n;
    for (int q = 0; q < bottom.c; q++) {
      const float* x = bottom.channel(q);
      if (ep == 1) {
        const float* w = wo + static_cast<size_t>(q) * size;
        for (int i = 0; i < size;) {
          const size_t vl = __riscv_vsetvl_e32m1(size - i);
          acc = __riscv_vfmacc_vv_f32m1_tu(acc, __riscv_vle32_v_f32m1(x + i, vl), __riscv_vle32_v_f32m1(w + i, vl), vl);
          i += static_cast<int>(vl);
        }
      } else {
        // packed channel q holds channels q*ep .. q*ep+ep-1 of each position
        const float* w = wo + static_cast<size_t>(q) * ep * size;
        const size_t vl = __riscv_vsetvl_e32m1(ep);
        for (int i = 0; i < size; i++) {
          const vfloat32m1_t wv = __riscv_vlse32_v_f32m1(w + i, static_cast<ptrdiff_t>(size) * 4, vl);
          acc = __riscv_vfmacc_vv_f32m1_tu(acc, __riscv_vle32_v_f32m1(x + i * ep, vl), wv, vl);
        }
      }
    }
    const float bias = bias_term ? static_cast<const float*>(bias_data.data)[o] : 0.f;
    const vfloat32m1_t s = __riscv_vfredusum_vs_f32m1_f32m1(acc, __riscv_vfmv_s_f_f32m1(bias, 1), vlmax);
    out[o] = __riscv_vfmv_f_s_f32m1_f32(s);
  }
  return 0;
}

} // namespace ncnn
