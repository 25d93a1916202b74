// Planted (quantize_u8): rounds halves away from zero (roundf) instead of to even; wrong
// only where x * scale is exactly m + 1/2; must be wrong_output.
#include <math.h>
#include <stdint.h>

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  for (long i = 0; i < n; ++i) {
    float v = roundf(x[i] * scale);
    v = v < -1000.0f ? -1000.0f : v > 1000.0f ? 1000.0f : v;
    int q = (int)v + zero_point;
    y[i] = (uint8_t)(q < 0 ? 0 : q > 255 ? 255 : q);
  }
}
