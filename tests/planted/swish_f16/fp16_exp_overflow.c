// Planted (swish_f16): NCNN's fp16-arithmetic form, exp(-x) held in fp16: it overflows to
// Inf below x = -11.1 and x / (1 + Inf) gives -0 where swish is a normal fp16 number
// (swish(-12) = -7.4e-5); must be wrong_output.
#include <math.h>

void eok_swish_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    _Float16 v = x[i];
    _Float16 e = (_Float16)expf(-(float)v);
    y[i] = isinf((float)v) && v < 0 ? (_Float16)-0.0f : v / ((_Float16)1.0f + e);
  }
}
