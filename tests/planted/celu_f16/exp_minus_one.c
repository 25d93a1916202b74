// Planted (celu_f16): NCNN's fp16 arithmetic as written, exp(x/alpha) rounded to fp16 and
// then 1 subtracted: near 0 the difference keeps only the bits of x/alpha above 2^-11
// (x = -0.001 comes out 10% off); must be wrong_output.
#include <math.h>

void eok_celu_f16(const _Float16* x, _Float16* y, long n, float alpha)
{
  const _Float16 a = (_Float16)alpha;
  for (long i = 0; i < n; ++i) {
    _Float16 v = x[i];
    _Float16 e = (_Float16)expf((float)(v / a));
    y[i] = v < (_Float16)0.0f ? (e - (_Float16)1.0f) * a : v;
  }
}
