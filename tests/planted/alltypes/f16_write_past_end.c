// Planted (alltypes): writes h[n], past the end of the f16 inout; must be out_of_bounds.
#include <stdint.h>

void eok_alltypes(const uint8_t* q, const int32_t* off, const int64_t* b, _Float16* h, float* y, long n, float s,
                  long z)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (float)((int32_t)q[i] - off[i] + z) * s + (float)b[i];
    h[i] = (_Float16)((float)h[i] * 2.0f);
  }
  if (n > 0) {
    h[n] = h[0];
  }
}
