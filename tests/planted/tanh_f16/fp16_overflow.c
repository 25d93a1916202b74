// Planted (tanh_f16): (e - 1)/(e + 1) with e = exp(2x) rounded to fp16: e overflows to Inf
// above x = 5.55 and Inf/Inf is NaN where tanh is 1 (accurate near 0 through the
// small-x polynomial); must be wrong_output.
#include <math.h>

void eok_tanh_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    if (fabsf(v) < 0.3f) {
      y[i] = (_Float16)tanhf(v);
      continue;
    }
    _Float16 e = (_Float16)expf(2.0f * v);
    y[i] = (e - (_Float16)1.0f) / (e + (_Float16)1.0f);
  }
}
