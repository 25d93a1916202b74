// Planted (packing): 1->8 handles whole vectors of 8 pixels only, the last size % 8 pixels
// of each group keep whatever y held.
#include <riscv_vector.h>

static long at(long q, long i, long size, long p)
{
  return ((q / p) * size + i) * p + q % p;
}

void eok_packing_f32(const float* x, float* y, long c, long h, long w, long in_pack,
                     long out_pack)
{
  long size = h * w;
  if (in_pack == 1 && out_pack == 8) {
    for (long g = 0; g < c / 8; ++g) {
      const float* r = x + g * 8 * size;
      for (long i = 0; i + 8 <= size; i += 8) {
        for (int k = 0; k < 8; ++k) {
          vfloat32m1_t v = __riscv_vle32_v_f32m1(r + k * size + i, 8);
          __riscv_vsse32_v_f32m1(y + (g * size + i) * 8 + k, 32, v, 8);
        }
      }
    }
    return;
  }
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      y[at(q, i, size, out_pack)] = x[at(q, i, size, in_pack)];
    }
  }
}
