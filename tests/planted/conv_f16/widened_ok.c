// Planted (conv_f16): a direct convolution with every product widened into fp32 sums
// (vfwmacc over a row of output pixels, strided loads for the stride), bias last, rounded
// once: more accurate than ker0's fp16 GEMM and within the tolerance's allowance for another
// summation order.
#include <riscv_vector.h>

void eok_conv_f16(const _Float16* x, const _Float16* wt, const _Float16* bias, _Float16* y, long c,
                  long h, long w, long oc, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1, outw = (w - d * (ks - 1) - 1) / s + 1;
  for (long o = 0; o < oc; ++o) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw;) {
        const size_t vl = __riscv_vsetvl_e16m1((size_t)(outw - j));
        vfloat32m2_t acc = __riscv_vfmv_v_f_f32m2(0.f, vl);
        for (long ic = 0; ic < c; ++ic) {
          for (long ky = 0; ky < ks; ++ky) {
            for (long kx = 0; kx < ks; ++kx) {
              const _Float16* p = x + (ic * h + i * s + ky * d) * w + j * s + kx * d;
              vfloat16m1_t xv = __riscv_vlse16_v_f16m1(p, (ptrdiff_t)(s * 2), vl);
              acc = __riscv_vfwmacc_vf_f32m2(acc, wt[((o * c + ic) * ks + ky) * ks + kx], xv, vl);
            }
          }
        }
        acc = __riscv_vfadd_vf_f32m2(acc, (float)bias[o], vl);
        __riscv_vse16_v_f16m1(y + (o * outh + i) * outw + j, __riscv_vfncvt_f_f_w_f16m1(acc, vl), vl);
        j += (long)vl;
      }
    }
  }
}
