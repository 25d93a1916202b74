// Planted (cast_f32_bf16): writes each bf16 word high byte first (a byte-order mix-up when
// storing through a byte pointer).
#include <stdint.h>
#include <string.h>

void eok_cast_f32_bf16(const float* x, unsigned char* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint32_t b;
    memcpy(&b, &x[i], 4);
    y[2 * i] = (unsigned char)(b >> 24);
    y[2 * i + 1] = (unsigned char)(b >> 16);
  }
}
