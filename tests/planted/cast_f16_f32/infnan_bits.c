// Planted (cast_f16_f32): a widening that rebiases every exponent, 31 included, so fp16 Inf
// and NaN become the finite values 2^16 * 1.f instead of Inf and NaN (denormals are right).
#include <stdint.h>
#include <string.h>

void eok_cast_f16_f32(const _Float16* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    uint16_t h;
    memcpy(&h, &x[i], 2);
    uint32_t s = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, f = h & 0x3ffu;
    float v;
    if (e == 0) {
      v = (float)f * 0x1p-24f;
      v = s ? -v : v;
    } else {
      uint32_t b = s | ((e + 112) << 23) | (f << 13);
      memcpy(&v, &b, 4);
    }
    y[i] = v;
  }
}
