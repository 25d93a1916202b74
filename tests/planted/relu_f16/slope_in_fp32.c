// Planted (relu_f16): leaky branch scaled in fp32 with the fp32 slope, then rounded to fp16.
// 0.1 is not 0.0999756 (fp16's 0.1), so some products round to the neighbouring fp16 value:
// not NCNN's fp16 layer, must be wrong_output.
void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    if (slope == 0.0f) {
      y[i] = (_Float16)(v > 0.0f ? v : 0.0f);
    } else {
      y[i] = (_Float16)(v < 0.0f ? v * slope : v);
    }
  }
}
