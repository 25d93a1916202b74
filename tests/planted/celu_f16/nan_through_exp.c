// Planted (celu_f16): NCNN's vector merge mask x > 0, with exp's input clamped to fp16's
// range as NCNN's fp16 exp_ps does: NaN takes the exp branch and comes out a finite number;
// must be wrong_output.
#include <math.h>

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha)
{
  const float a = (float)(_Float16)alpha;
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    float q = fmaxf(fminf(v / a, 10.7421875f), -10.7421875f); // fmin/fmax drop NaN
    y[i] = (_Float16)(v > 0.0f ? v : a * expm1f(q));
  }
}
