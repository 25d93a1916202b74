// Planted (cast_bf16_f32): puts each word in the low 16 bits of the fp32 encoding instead of
// the high 16 (a shift forgotten): every value becomes a tiny denormal.
#include <stdint.h>
#include <string.h>

void eok_cast_bf16_f32(const unsigned char* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint16_t w;
    memcpy(&w, x + 2 * i, 2);
    uint32_t b = w;
    memcpy(&y[i], &b, 4);
  }
}
