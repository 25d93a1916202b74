// Planted (relu_f16): the branch-free leaky form max(x, x*slope) for every slope. Right for
// 0 < slope < 1, but at slope 0 NaN stays NaN (NCNN's vfmax gives 0) and -Inf stays -Inf
// (max(-Inf, -Inf * 0 = NaN) is -Inf):
// must be wrong_output.
#include <riscv_vector.h>

void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope)
{
  const _Float16 s = (_Float16)slope;
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e16m8((size_t)n);
    vfloat16m8_t v = __riscv_vle16_v_f16m8(x, vl);
    v = __riscv_vfmax_vv_f16m8(v, __riscv_vfmul_vf_f16m8(v, s, vl), vl);
    __riscv_vse16_v_f16m8(y, v, vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
