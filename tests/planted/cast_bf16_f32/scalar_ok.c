// Planted (cast_bf16_f32): a plain scalar loop putting each word on top of 16 zero bits
// (NCNN's bfloat16_to_float32); must be ok.
#include <stdint.h>
#include <string.h>

void eok_cast_bf16_f32(const unsigned char* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint16_t w;
    memcpy(&w, x + 2 * i, 2);
    uint32_t b = (uint32_t)w << 16;
    memcpy(&y[i], &b, 4);
  }
}
