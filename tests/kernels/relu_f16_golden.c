/* Golden for kernels/nn/relu_f16: NCNN's ReLU with slope, the slope rounded to fp16 as the
 * fp16 layer uses it; double precision (x * slope16 is exact), test-only. */
#include <math.h>

double golden_relu_f16(double x, float slope)
{
  if (slope == 0.0f) {
    /* vfmax(x, 0): NaN -> 0, -0 -> +0 */
    return x > 0.0 ? x : 0.0;
  }
  return x < 0.0 ? x * (double)(_Float16)slope : x;
}
