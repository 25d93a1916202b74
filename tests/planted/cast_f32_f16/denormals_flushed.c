// Planted (cast_f32_f16): results below fp16's smallest normal (2^-14) are flushed to zero
// instead of becoming fp16 denormals.
#include <math.h>

void eok_cast_f32_f16(const float* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    _Float16 h = (_Float16)x[i];
    y[i] = fabsf((float)h) < 0x1p-14f ? (_Float16)copysignf(0.f, x[i]) : h;
  }
}
