// Planted (quantize_u8): also writes y[n]; must be out_of_bounds.
#include <math.h>
#include <stdint.h>

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  for (long i = 0; i < n; ++i) {
    float v = nearbyintf(x[i] * scale);
    v = v < -1000.0f ? -1000.0f : v > 1000.0f ? 1000.0f : v;
    int q = (int)v + zero_point;
    y[i] = (uint8_t)(q < 0 ? 0 : q > 255 ? 255 : q);
  }
  if (n > 0) {
    y[n] = 7;
  }
}
