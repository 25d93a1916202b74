// Planted (mish_f16): NCNN's fp16-arithmetic form, ln(e^x + 1) with e^x and the sum rounded
// to fp16: 1 + e^x is exactly 1 once e^x < 2^-12, so below x = -8.3 the output is -0
// where mish is a normal fp16 number (mish(-10) = -4.5e-4); must be wrong_output.
#include <math.h>

void eok_mish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    if (isinf(v)) {
      y[i] = (_Float16)(v > 0 ? v : -0.0f);
      continue;
    }
    _Float16 u = (_Float16)expf(v) + (_Float16)1.0f;
    y[i] = (_Float16)(v * tanhf(logf((float)u)));
  }
}
