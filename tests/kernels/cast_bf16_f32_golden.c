/* Scalar golden for kernels/nn/cast_bf16_f32 (NCNN bfloat16_to_float32), test-only: a bf16
 * word decoded from its fields (sign, 8-bit exponent, 7-bit fraction) in double. */
#include <math.h>
#include <stdint.h>

double golden_bf16_to_double(uint16_t b)
{
  double sign = b & 0x8000u ? -1.0 : 1.0;
  int e = (b >> 7) & 0xff;
  int f = b & 0x7f;
  if (e == 0xff) {
    return f ? NAN : sign * INFINITY;
  }
  if (e == 0) {
    return sign * ldexp(f, -133); /* denormal (or zero, keeping its sign) */
  }
  return sign * ldexp(128 + f, e - 134);
}
