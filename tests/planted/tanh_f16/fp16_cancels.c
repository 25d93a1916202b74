// Planted (tanh_f16): (1 - e)/(1 + e), e = exp(-2|x|), with e held in fp16 and the rest in
// fp16 arithmetic for every x: near 0, e rounds to within 2^-11 of 1 and 1 - e keeps one or
// two significant bits (x = 0.01 gives 0.00977); must be wrong_output.
#include <math.h>

void eok_tanh_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    _Float16 e = (_Float16)expf(-2.0f * fabsf(v));
    _Float16 t = ((_Float16)1.0f - e) / ((_Float16)1.0f + e);
    y[i] = (_Float16)copysignf((float)t, v);
  }
}
