// Cheat (measurement integrity): a correct relu that executes a second begin marker (the region entered twice), so the
// model would count only part of its work. Never ok with a measurement.
#include <math.h>

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  __asm__ volatile("slti x0, x0, 1" ::: "memory"); /* re-enters the region */
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
