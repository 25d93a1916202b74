// Planted (cast_f32_bf16): a plain scalar loop taking the top 16 bits of each fp32 value
// (NCNN's float32_to_bfloat16); must be ok.
#include <stdint.h>
#include <string.h>

void eok_cast_f32_bf16(const float* x, unsigned char* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint32_t b;
    memcpy(&b, &x[i], 4);
    uint16_t w = (uint16_t)(b >> 16);
    memcpy(y + 2 * i, &w, 2);
  }
}
