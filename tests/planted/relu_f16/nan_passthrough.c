// Planted (relu_f16): slope 0 as a compare-and-select (x < 0 ? 0 : x), which lets NaN through
// where NCNN's vfmax gives 0: must be wrong_output.
#include <riscv_vector.h>

void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope)
{
  const _Float16 s = (_Float16)slope;
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e16m8((size_t)n);
    vfloat16m8_t v = __riscv_vle16_v_f16m8(x, vl);
    vbool2_t neg = __riscv_vmflt_vf_f16m8_b2(v, (_Float16)0.0f, vl);
    v = __riscv_vfmul_vf_f16m8_mu(neg, v, v, s, vl);
    __riscv_vse16_v_f16m8(y, v, vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}
