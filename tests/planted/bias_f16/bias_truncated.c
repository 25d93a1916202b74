// Planted (bias_f16): the fp32 bias narrowed to fp16 by dropping its low 13 mantissa bits
// (a bit-shift conversion that truncates instead of rounding to nearest): the bias is off by
// up to a whole fp16 ulp of itself (2^-10 for |bias| in [1, 2)), which shows where x + bias
// cancels. Must be wrong_output.
#include <stdint.h>
#include <string.h>

void eok_bias_f16(const _Float16* x, const float* bias, _Float16* y, long c, long h, long w)
{
  const long size = h * w;
  for (long q = 0; q < c; ++q) {
    float t = bias[q];
    uint32_t u;
    memcpy(&u, &t, 4);
    u &= ~0x1fffu;
    memcpy(&t, &u, 4);
    _Float16 b = (_Float16)t; /* exact now: t has fp16's 11 significant bits */
    for (long i = 0; i < size; ++i) {
      y[q * size + i] = x[q * size + i] + b;
    }
  }
}
