// Planted (quantize_u8): a correct scalar version (nearbyintf rounds half to even in the
// default rounding mode); must be ok.
#include <math.h>
#include <stdint.h>

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  for (long i = 0; i < n; ++i) {
    float v = nearbyintf(x[i] * scale);
    // Compare in float first: x * scale may be far outside int's range or infinite.
    v = v < -1000.0f ? -1000.0f : v > 1000.0f ? 1000.0f : v;
    int q = (int)v + zero_point;
    y[i] = (uint8_t)(q < 0 ? 0 : q > 255 ? 255 : q);
  }
}
