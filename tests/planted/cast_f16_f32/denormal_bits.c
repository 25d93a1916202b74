// Planted (cast_f16_f32): the classic shift-and-rebias widening (exponent + 112, fraction
// << 13) that handles Inf/NaN but not denormals: an fp16 denormal 0.f * 2^-14 comes out as
// the normal 1.f * 2^-15.
#include <stdint.h>
#include <string.h>

void eok_cast_f16_f32(const _Float16* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint16_t h;
    memcpy(&h, &x[i], 2);
    uint32_t s = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, f = h & 0x3ffu;
    uint32_t b;
    if (e == 0x1f) {
      b = s | 0x7f800000u | (f << 13);
    } else if (e == 0 && f == 0) {
      b = s;
    } else {
      b = s | ((e + 112) << 23) | (f << 13);
    }
    memcpy(&y[i], &b, 4);
  }
}
