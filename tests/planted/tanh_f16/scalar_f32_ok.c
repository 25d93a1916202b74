// Planted (tanh_f16): correct, libm tanhf in fp32 one element at a time, rounded to fp16.
#include <math.h>

void eok_tanh_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = (_Float16)tanhf((float)x[i]);
  }
}
