// Planted (conv1d_f16): fp32 sums in another order than ker0 (taps outermost, bias added
// last) with a widening multiply-add (vfwmacc_vf: the fp16 product is exact in fp32), rounded
// once: within the one-ulp allowance.
#include <riscv_vector.h>

void eok_conv1d_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c,
                    long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(16);
  for (long p = 0; p < ocg; ++p) {
    for (long j = 0; j < outw; ++j) {
      vfloat32m2_t acc = __riscv_vfmv_v_f_f32m2(0.f, vl);
      for (long k = 0; k < ks; ++k) {
        for (long q = 0; q < c; ++q) {
          vfloat16m1_t kv = __riscv_vle16_v_f16m1(wt + ((p * c + q) * ks + k) * 16, vl);
          acc = __riscv_vfwmacc_vf_f32m2(acc, x[q * w + j * s + k * d], kv, vl);
        }
      }
      acc = __riscv_vfadd_vv_f32m2(acc, __riscv_vle32_v_f32m2(bias + p * 16, vl), vl);
      __riscv_vse16_v_f16m1(y + (p * outw + j) * 16, __riscv_vfncvt_f_f_w_f16m1(acc, vl), vl);
    }
  }
}
