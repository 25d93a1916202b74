// Planted (celu_f16): correct, libm expm1f in fp32 with alpha rounded to fp16, one element
// at a time.
#include <math.h>

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha)
{
  const float a = (float)(_Float16)alpha;
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(v < 0.0f ? a * expm1f(v / a) : v);
  }
}
