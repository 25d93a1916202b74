// Planted (bias): strip-mines the whole blob as one array and picks the bias of the channel
// a strip starts in, so a strip that crosses into the next channel keeps the old bias.
#include <riscv_vector.h>

void eok_bias_f32(const float* x, const float* bias, float* y, long c, long h, long w)
{
  const long size = h * w;
  for (long i = 0, n = c * size; n > 0;) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)n);
    const float b = bias[i / size];
    __riscv_vse32_v_f32m8(y + i, __riscv_vfadd_vf_f32m8(__riscv_vle32_v_f32m8(x + i, vl), b, vl), vl);
    i += (long)vl;
    n -= (long)vl;
  }
}
