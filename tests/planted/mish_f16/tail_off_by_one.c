// Planted (mish_f16): right values, but the loop stops one short, leaving the last output
// unwritten; must be wrong_output.
#include <math.h>

void eok_mish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i + 1 < n; ++i) {
    float v = (float)x[i];
    if (isinf(v)) {
      y[i] = (_Float16)(v > 0 ? v : -0.0f);
      continue;
    }
    float sp = fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v)));
    y[i] = (_Float16)(v * tanhf(sp));
  }
}
