// Planted (mish_f16): correct, libm in fp32 one element at a time (softplus as
// max(x, 0) + log1p(exp(-|x|))), rounded to fp16.
#include <math.h>

void eok_mish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    if (isinf(v)) {
      y[i] = (_Float16)(v > 0 ? v : -0.0f);
      continue;
    }
    float sp = fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v)));
    y[i] = (_Float16)(v * tanhf(sp));
  }
}
