// Planted (innerproduct_f16): NCNN's fp16sa arithmetic where this task widens: the 16-output
// blocks accumulate in an f16m1 register (vfmacc_vf_f16m1, bias rounded to fp16), losing
// ~2^-12 of the partial sum per add: ~10 ulps at nin = 1280.
#include <riscv_vector.h>

void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout)
{
  const long nblocks = nout / 16;
  for (long b = 0; b < nblocks; ++b) {
    const size_t vl = __riscv_vsetvl_e16m1(16);
    vfloat16m1_t acc = __riscv_vfncvt_f_f_w_f16m1(__riscv_vle32_v_f32m2(bias + 16 * b, vl), vl);
    const _Float16* wb = w + b * 16 * nin;
    for (long i = 0; i < nin; ++i) {
      acc = __riscv_vfmacc_vf_f16m1(acc, x[i], __riscv_vle16_v_f16m1(wb + 16 * i, vl), vl);
    }
    __riscv_vse16_v_f16m1(y + 16 * b, acc, vl);
  }
  for (long o = nblocks * 16; o < nout; ++o) {
    const _Float16* wr = w + nblocks * 16 * nin + (o - nblocks * 16) * nin;
    float s = bias[o];
    for (long i = 0; i < nin; ++i) {
      s += (float)x[i] * (float)wr[i];
    }
    y[o] = (_Float16)s;
  }
}
