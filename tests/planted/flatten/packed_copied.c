// Planted (flatten): ignores elempack and copies the packed blob as if it were planar, so
// the 8 interleaved channels are never separated.
#include <string.h>

void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack)
{
  (void)elempack;
  for (long i = 0; i < c * h * w; ++i) {
    y[i] = x[i];
  }
}
