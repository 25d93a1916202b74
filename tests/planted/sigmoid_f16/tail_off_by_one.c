// Planted (sigmoid_f16): leaves the last element unwritten; must be wrong_output.
#include <math.h>

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i + 1 < n; ++i) {
    y[i] = (_Float16)(1.0f / (1.0f + expf(-(float)x[i])));
  }
}
