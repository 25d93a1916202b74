// Planted (swish_f16): correct, libm expf in fp32 one element at a time, rounded to fp16.
#include <math.h>

void eok_swish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(isinf(v) && v < 0 ? -0.0f : v / (1.0f + expf(-v)));
  }
}
