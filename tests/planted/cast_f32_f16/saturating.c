// Planted (cast_f32_f16): clamps to fp16's finite range before converting (a "safe" cast):
// overflow and Inf give +-65504 where the layer gives +-Inf.
void eok_cast_f32_f16(const float* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = x[i] > 65504.f ? 65504.f : x[i] < -65504.f ? -65504.f : x[i];
    y[i] = (_Float16)v;
  }
}
