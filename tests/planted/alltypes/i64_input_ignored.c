// Planted (alltypes): drops the i64 input b; must be wrong_output.
#include <stdint.h>

void eok_alltypes(const uint8_t* q, const int32_t* off, const int64_t* b, _Float16* h, float* y, long n, float s,
                  long z)
{
  (void)b;
  for (long i = 0; i < n; ++i) {
    y[i] = (float)((int32_t)q[i] - off[i] + z) * s;
    h[i] = (_Float16)((float)h[i] * 2.0f);
  }
}
