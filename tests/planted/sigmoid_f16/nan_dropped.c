// Planted (sigmoid_f16): clamps the input first, so NaN becomes a number; must be
// wrong_output.
#include <math.h>

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = fmaxf((float)x[i], -30.0f);
    y[i] = (_Float16)(1.0f / (1.0f + expf(-v)));
  }
}
