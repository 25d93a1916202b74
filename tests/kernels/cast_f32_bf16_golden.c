/* Scalar golden for kernels/nn/cast_f32_bf16 (NCNN float32_to_bfloat16), test-only: the
 * fp32 value truncated toward zero to bf16's 8 significant bits, computed in double from the
 * format (exponents as fp32, fraction 7 bits, denormal step 2^-133); NaN by its bits, as the
 * rule takes the top 16 bits (a payload only in the low 16 bits leaves Inf). Returns the bf16
 * word. */
#include <math.h>
#include <stdint.h>
#include <string.h>

uint16_t golden_f32_to_bf16(float f)
{
  uint32_t bits;
  memcpy(&bits, &f, 4);
  uint16_t sign = (uint16_t)(bits >> 16 & 0x8000u);
  if (isnan(f)) {
    return (uint16_t)(bits >> 16);
  }
  if (isinf(f)) {
    return (uint16_t)(sign | 0x7f80u);
  }
  double a = fabs((double)f);
  if (a < 0x1p-133) {
    return sign; /* below bf16's smallest denormal: truncates to zero */
  }
  int e;
  frexp(a, &e); /* a in [2^(e-1), 2^e) */
  int exp = e - 1 < -126 ? -126 : e - 1;
  double step = ldexp(1.0, exp - 7);
  long m = (long)floor(a / step); /* significand in units of step: toward zero */
  if (exp == -126 && m < 128) {
    return (uint16_t)(sign | m); /* denormal: exponent field 0 */
  }
  return (uint16_t)(sign | (uint16_t)((exp + 127) << 7) | (uint16_t)(m - 128));
}
