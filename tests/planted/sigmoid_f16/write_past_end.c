// Planted (sigmoid_f16): also writes y[n]; must be out_of_bounds.
#include <math.h>

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (_Float16)(1.0f / (1.0f + expf(-(float)x[i])));
  }
  if (n > 0) {
    y[n] = y[0];
  }
}
