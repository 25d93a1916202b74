// Cheat (measurement integrity): a correct relu that executes the end marker as a data word in the text, so the
// model would count only part of its work. Never ok with a measurement.
#include <math.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  __asm__ volatile(".word 0x00202013" ::: "memory"); /* the end marker as a data word */
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
