// Planted (mish_f16): x * tanh(softplus(x)) straight, so -Inf gives -Inf * tanh(0) = NaN
// where the limit is -0; must be wrong_output.
#include <math.h>

void eok_mish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    float sp = fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v)));
    y[i] = (_Float16)(v * tanhf(sp));
  }
}
