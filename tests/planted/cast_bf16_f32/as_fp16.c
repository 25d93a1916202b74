// Planted (cast_bf16_f32): reads the words as IEEE fp16 (a storage type mix-up: both are
// 16-bit), so values, ranges and NaN/Inf positions are wrong.
#include <string.h>

void eok_cast_bf16_f32(const unsigned char* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    _Float16 h;
    memcpy(&h, x + 2 * i, 2);
    y[i] = (float)h;
  }
}
