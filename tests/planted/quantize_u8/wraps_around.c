// Planted (quantize_u8): keeps the low 8 bits instead of saturating; must be wrong_output.
#include <math.h>
#include <stdint.h>

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  for (long i = 0; i < n; ++i) {
    float v = nearbyintf(x[i] * scale);
    v = v < -1000.0f ? -1000.0f : v > 1000.0f ? 1000.0f : v;
    y[i] = (uint8_t)((int)v + zero_point);
  }
}
