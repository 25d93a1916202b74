// Planted test kernel (tests/tune_test.py): NaN inputs become 0. The knobs only
// change the unrolling, and the source refuses combinations the constraint excludes.
#include <math.h>

#ifndef EOK_A
#define EOK_A 1
#endif
#ifndef EOK_B
#define EOK_B 1
#endif
#if EOK_A * EOK_B > 4
#error "EOK_A * EOK_B must be at most 4 (kernel.toml constraint)"
#endif
#define EOK_STEP (EOK_A * EOK_B)

static float clean(float v)
{
  return isnan(v) ? 0.0f : 2.0f * v;
}

void eok_nanclean_f32(const float* x, float* y, long n)
{
  long i = 0;
  for (; i + EOK_STEP <= n; i += EOK_STEP) {
    for (int k = 0; k < EOK_STEP; ++k) {
      y[i + k] = clean(x[i + k]);
    }
  }
  for (; i < n; ++i) {
    y[i] = clean(x[i]);
  }
}
