// Planted (bnll_f16): correct, the stable form in fp32 with libm one element at a time,
// rounded to fp16.
#include <math.h>

void eok_bnll_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(isnan(v) ? v : fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v))));
  }
}
