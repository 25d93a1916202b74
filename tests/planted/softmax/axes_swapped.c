// Planted (softmax): axes 0 and 1 swapped (softmax across channels when asked
// along h and the other way round).
#include <float.h>
#include <math.h>

void eok_softmax_f32(const float* x, float* y, long c, long h, long w, long axis)
{
  axis = axis == 2 ? 2 : 1 - axis;
  long n = axis == 0 ? c : axis == 1 ? h : w;
  long stride = axis == 0 ? h * w : axis == 1 ? w : 1;
  long count = axis == 2 ? 1 : stride;
  long blocks = axis == 0 ? 1 : axis == 1 ? c : c * h;
  for (long b = 0; b < blocks; ++b) {
    for (long p = 0; p < count; ++p) {
      long base = b * n * stride + p;
      float m = -FLT_MAX, sum = 0;
      for (long k = 0; k < n; ++k) {
        m = fmaxf(m, x[base + k * stride]);
      }
      for (long k = 0; k < n; ++k) {
        y[base + k * stride] = expf(x[base + k * stride] - m);
        sum += y[base + k * stride];
      }
      for (long k = 0; k < n; ++k) {
        y[base + k * stride] /= sum;
      }
    }
  }
}
