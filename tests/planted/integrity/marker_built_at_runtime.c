// Planted (relu, measurement integrity): builds the end-of-region marker `slti x0,x0,2`
// and a `ret` at run time in a stack buffer (no marker bytes in its object) and calls it.
// The stack is not executable, so the call faults in the check run already; were it
// executable, the marker would run outside eok_measured_call: roi_violation.
#include <string.h>

typedef void (*Fn)(void);

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  unsigned int code[2];
  volatile unsigned int lo = 0x2013u, hi = 0x0020u, ret = 0x00008067u;
  code[0] = (hi << 16) | lo;
  code[1] = ret;
  if (n >= 4096) {
    __asm__ volatile("fence.i" ::: "memory");
    ((Fn)(void*)code)();
  }
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
