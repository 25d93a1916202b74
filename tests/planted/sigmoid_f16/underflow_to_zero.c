// Planted (sigmoid_f16): gives 0 wherever exp(-x) would overflow fp16 (x < -11.1), as a
// naive native fp16 path does, losing the subnormal outputs; must be wrong_output.
#include <math.h>

void eok_sigmoid_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = v < -11.1f ? (_Float16)0.0f : (_Float16)(1.0f / (1.0f + expf(-v)));
  }
}
