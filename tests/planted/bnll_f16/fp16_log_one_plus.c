// Planted (bnll_f16): NCNN's fp16 form, log(1 + u) with u = exp(-|x|) and 1 + u rounded to
// fp16: 1 + u is exactly 1 once u < 2^-11, so the output is 0 below x = -7.6 where bnll is
// a normal fp16 number (bnll(-8) = 3.4e-4), and coarse above; must be wrong_output.
#include <math.h>

void eok_bnll_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    _Float16 one_plus_u = (_Float16)1.0f + (_Float16)expf(-fabsf(v));
    y[i] = (_Float16)(isnan(v) ? v : fmaxf(v, 0.0f) + logf((float)one_plus_u));
  }
}
