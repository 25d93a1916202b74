// Planted (convdw_f16): the fp32 port's elempack 8 kept for fp16 (two 8-channel halves of
// each 16-channel pixel taken as neighbouring pixels): channels and pixels mixed up. Right
// only for 1x1 kernels at stride 1.
#include <riscv_vector.h>

void eok_convdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                    long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1, outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(16);
  for (long g = 0; g < cg; ++g) {
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j < outw; ++j) {
        vfloat16m1_t acc = __riscv_vle16_v_f16m1(bias + g * 16, vl);
        for (long ky = 0; ky < ks; ++ky) {
          for (long kx = 0; kx < ks; ++kx) {
            // pixel offsets in units of 8 channels: the fp32 layout's stride
            const _Float16* p = x + g * h * w * 16 + ((i * s + ky * d) * w + j * s + kx * d) * 8;
            const _Float16* q = k + ((g * ks + ky) * ks + kx) * 16;
            acc = __riscv_vfmacc_vv_f16m1(acc, __riscv_vle16_v_f16m1(p, vl), __riscv_vle16_v_f16m1(q, vl), vl);
          }
        }
        __riscv_vse16_v_f16m1(y + ((g * outh + i) * outw + j) * 16, acc, vl);
      }
    }
  }
}
