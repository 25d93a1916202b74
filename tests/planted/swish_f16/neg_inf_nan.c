// Planted (swish_f16): x / (1 + exp(-x)) straight, so -Inf gives -Inf/Inf = NaN where the
// limit is -0; must be wrong_output.
#include <math.h>

void eok_swish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(v / (1.0f + expf(-v)));
  }
}
