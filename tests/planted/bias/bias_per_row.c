// Planted (bias): the bias indexed by row (a 2-D blob's h axis, as NCNN's dims == 2 case of
// BatchNorm does) instead of by channel: right only when every channel is one row.
#include <riscv_vector.h>

void eok_bias_f32(const float* x, const float* bias, float* y, long c, long h, long w)
{
  for (long r = 0; r < c * h; ++r) {
    const float* p = x + r * w;
    float* o = y + r * w;
    const float b = bias[r % c]; // BUG: rows cycle through the biases
    for (long n = w; n > 0;) {
      size_t vl = __riscv_vsetvl_e32m8((size_t)n);
      __riscv_vse32_v_f32m8(o, __riscv_vfadd_vf_f32m8(__riscv_vle32_v_f32m8(p, vl), b, vl), vl);
      p += vl;
      o += vl;
      n -= (long)vl;
    }
  }
}
