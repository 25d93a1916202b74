// Planted (alltypes): correct, written as two loops with the fp16 update done natively;
// must be ok.
#include <stdint.h>

void eok_alltypes(const uint8_t* q, const int32_t* off, const int64_t* b, _Float16* h, float* y, long n, float s,
                  long z)
{
  for (long i = 0; i < n; ++i) {
    h[i] = h[i] + h[i];
  }
  for (long i = 0; i < n; ++i) {
    int32_t d = (int32_t)q[i] - off[i] + (int32_t)z;
    y[i] = (float)d * s + (float)b[i];
  }
}
