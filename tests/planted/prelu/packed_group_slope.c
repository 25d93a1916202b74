// Planted (prelu): per-channel slopes in the packed layout taken one per group of 8
// channels (slope[g], the planar loop's scalar), not a vector of the group's 8 slopes.
#include <riscv_vector.h>

void eok_prelu_f32(const float* x, const float* slope, float* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long planes = elempack == 8 ? c / 8 : c;
  const long len = h * w * (elempack == 8 ? 8 : 1);
  for (long q = 0; q < planes; ++q) {
    const float s = num_slope > 1 ? slope[q] : slope[0];
    const float* p0 = x + q * len;
    float* o = y + q * len;
    for (long n = len; n > 0;) {
      size_t vl = __riscv_vsetvl_e32m8((size_t)n);
      vfloat32m8_t p = __riscv_vle32_v_f32m8(p0, vl);
      p = __riscv_vfmul_vf_f32m8_mu(__riscv_vmflt_vf_f32m8_b4(p, 0.f, vl), p, p, s, vl);
      __riscv_vse32_v_f32m8(o, p, vl);
      p0 += vl;
      o += vl;
      n -= (long)vl;
    }
  }
}
