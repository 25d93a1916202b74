/* An fp16 value decoded from its bits (sign, 5-bit exponent, 10-bit fraction) in double,
 * without the compiler's conversion; shared by the Cast goldens and tests. */
#pragma once
#include <math.h>
#include <stdint.h>

static inline double f16_bits_to_double(uint16_t b)
{
  double sign = b & 0x8000u ? -1.0 : 1.0;
  int e = (b >> 10) & 0x1f;
  int f = b & 0x3ff;
  if (e == 0x1f) {
    return f ? NAN : sign * INFINITY;
  }
  if (e == 0) {
    return sign * ldexp(f, -24); /* denormal (or zero, keeping its sign) */
  }
  return sign * ldexp(1024 + f, e - 25);
}
