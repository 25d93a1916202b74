// Planted (celu_f16): ELU's alpha * (exp(x) - 1), the division by alpha dropped (the same
// at alpha = 1, NCNN's default, not at 0.75); must be wrong_output.
#include <math.h>

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha)
{
  const float a = (float)(_Float16)alpha;
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(v < 0.0f ? a * expm1f(v) : v);
  }
}
