// Planted (convdw_f16): NCNN's fp16s path instead of fp16sa: every tap widened and summed in
// fp32 (vfwmacc), the bias added last, narrowed once. More accurate than ker0, and within
// the tolerance's allowance for another fp16 summation order.
#include <riscv_vector.h>

void eok_convdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                    long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1, outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(16);
  for (long g = 0; g < cg; ++g) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        vfloat32m2_t acc = __riscv_vfmv_v_f_f32m2(0.f, vl);
        for (long ky = 0; ky < ks; ++ky) {
          for (long kx = 0; kx < ks; ++kx) {
            const _Float16* p = x + ((g * h + i * s + ky * d) * w + j * s + kx * d) * 16;
            const _Float16* q = k + ((g * ks + ky) * ks + kx) * 16;
            acc = __riscv_vfwmacc_vv_f32m2(acc, __riscv_vle16_v_f16m1(p, vl), __riscv_vle16_v_f16m1(q, vl), vl);
          }
        }
        acc = __riscv_vfwadd_wv_f32m2(acc, __riscv_vle16_v_f16m1(bias + g * 16, vl), vl);
        __riscv_vse16_v_f16m1(y + ((g * outh + i) * outw + j) * 16, __riscv_vfncvt_f_f_w_f16m1(acc, vl), vl);
      }
    }
  }
}
