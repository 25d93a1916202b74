// Planted (flatten): the de-interleaving store strides by w (one row) instead of h*w (one
// channel plane); right only when h = 1.
#include <riscv_vector.h>

void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack)
{
  long size = h * w;
  if (elempack == 8) {
    for (long g = 0; g < c / 8; ++g) {
      const float* ptr = x + g * size * 8;
      float* out = y + g * size * 8;
      for (long i = 0; i < size; ++i) {
        vfloat32m1_t v = __riscv_vle32_v_f32m1(ptr + i * 8, 8);
        __riscv_vsse32_v_f32m1(out + i, (ptrdiff_t)(w * (long)sizeof(float)), v, 8);
      }
    }
    return;
  }
  for (long i = 0; i < c * size; ++i) {
    y[i] = x[i];
  }
}
