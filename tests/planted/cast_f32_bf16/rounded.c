// Planted (cast_f32_bf16): rounds to the nearest bf16, ties to even (the usual hardware
// conversion), where NCNN's rule truncates: about half the words are one higher.
#include <stdint.h>
#include <string.h>

void eok_cast_f32_bf16(const float* x, unsigned char* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint32_t b;
    memcpy(&b, &x[i], 4);
    if ((b & 0x7f800000u) != 0x7f800000u) { /* finite: add half an ulp, ties to even */
      b += 0x7fffu + ((b >> 16) & 1u);
    }
    uint16_t w = (uint16_t)(b >> 16);
    memcpy(y + 2 * i, &w, 2);
  }
}
