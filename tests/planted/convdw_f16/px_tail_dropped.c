// Planted (convdw_f16): ker0's 4-pixel register blocking without the remainder loop: the
// last outw % 4 pixels of every row are never written.
#include <riscv_vector.h>

void eok_convdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                    long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1, outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(16);
  for (long g = 0; g < cg; ++g) {
    const vfloat16m1_t b = __riscv_vle16_v_f16m1(bias + g * 16, vl);
    for (long i = 0; i < outh; ++i) {
      for (long j = 0; j + 4 <= outw; j += 4) {
        vfloat16m1_t a0 = b, a1 = b, a2 = b, a3 = b;
        for (long ky = 0; ky < ks; ++ky) {
          for (long kx = 0; kx < ks; ++kx) {
            const _Float16* p = x + ((g * h + i * s + ky * d) * w + j * s + kx * d) * 16;
            const vfloat16m1_t kv = __riscv_vle16_v_f16m1(k + ((g * ks + ky) * ks + kx) * 16, vl);
            a0 = __riscv_vfmacc_vv_f16m1(a0, __riscv_vle16_v_f16m1(p, vl), kv, vl);
            a1 = __riscv_vfmacc_vv_f16m1(a1, __riscv_vle16_v_f16m1(p + s * 16, vl), kv, vl);
            a2 = __riscv_vfmacc_vv_f16m1(a2, __riscv_vle16_v_f16m1(p + 2 * s * 16, vl), kv, vl);
            a3 = __riscv_vfmacc_vv_f16m1(a3, __riscv_vle16_v_f16m1(p + 3 * s * 16, vl), kv, vl);
          }
        }
        _Float16* o = y + ((g * outh + i) * outw + j) * 16;
        __riscv_vse16_v_f16m1(o, a0, vl);
        __riscv_vse16_v_f16m1(o + 16, a1, vl);
        __riscv_vse16_v_f16m1(o + 32, a2, vl);
        __riscv_vse16_v_f16m1(o + 48, a3, vl);
      }
    }
  }
}
