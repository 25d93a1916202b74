// Planted (prelu_f16): RVV at a fixed vl of 16 over each plane (VLMAX at f16m1 and VLEN
// 256) with no strip for the remainder: the last size % 16 values of a planar plane are
// never written. Must be wrong_output at the first plane that is not a multiple of 16.
#include <riscv_vector.h>

void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  const long planes = elempack == 16 ? c / 16 : c, len = elempack == 16 ? 16 * size : size;
  for (long q = 0; q < planes; ++q) {
    for (long i = 0; i + 16 <= len; i += 16) {
      const _Float16* p = x + q * len + i;
      _Float16* o = y + q * len + i;
      vfloat32m2_t v = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(p, 16), 16);
      vfloat32m2_t s;
      if (elempack == 16 && num_slope > 1) {
        s = __riscv_vle32_v_f32m2(slope + 16 * q, 16);
      } else {
        s = __riscv_vfmv_v_f_f32m2(num_slope > 1 ? slope[q] : slope[0], 16);
      }
      vbool16_t lower = __riscv_vmflt_vf_f32m2_b16(v, 0.f, 16);
      v = __riscv_vfmul_vv_f32m2_mu(lower, v, v, s, 16);
      __riscv_vse16_v_f16m1(o, __riscv_vfncvt_f_f_w_f16m1(v, 16), 16);
    }
  }
}
