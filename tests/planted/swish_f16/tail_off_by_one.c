// Planted (swish_f16): right values, but the loop stops one short, leaving the last output
// unwritten; must be wrong_output.
#include <math.h>

void eok_swish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i + 1 < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(isinf(v) && v < 0 ? -0.0f : v / (1.0f + expf(-v)));
  }
}
