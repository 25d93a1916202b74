// Planted (alltypes): never updates the f16 inout h; must be wrong_output.
#include <stdint.h>

void eok_alltypes(const uint8_t* q, const int32_t* off, const int64_t* b, _Float16* h, float* y, long n, float s,
                  long z)
{
  (void)h;
  for (long i = 0; i < n; ++i) {
    y[i] = (float)((int32_t)q[i] - off[i] + z) * s + (float)b[i];
  }
}
