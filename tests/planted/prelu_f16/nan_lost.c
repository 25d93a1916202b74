// Planted (prelu_f16): the branch-free max(x, 0) + slope * min(x, 0) form, in fp32. RVV's
// vfmax/vfmin (IEEE maxNum) return 0 for a NaN x, so NaN becomes 0: must be wrong_output.
#include <math.h>

void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  for (long j = 0; j < c * size; ++j) {
    long q = elempack == 16 ? (j / (16 * size)) * 16 + j % 16 : j / size;
    float s = num_slope > 1 ? slope[q] : slope[0];
    float v = (float)x[j];
    y[j] = (_Float16)(fmaxf(v, 0.f) + s * fminf(v, 0.f));
  }
}
