/* ker0 of kernels/nn/relu_f16 against its golden, exactly (fp16 ulps), on the spec's shapes
 * and all 65536 fp16 inputs, once per slope value the spec lists. */
#include <stdio.h>

#include "relu_f16_spec.h"
#if SPEC_PARAM_SLOPE_RANDOM
#error "this test checks the listed slope values only: add the drawn one when kernel.toml has a range"
#endif
#include "golden.h"

double golden_relu_f16(double x, float slope);
void eok_relu_f16(const _Float16* x, _Float16* y, long n, float slope);

static float g_slope;
static char g_case[32];
static const char* set_case(int c)
{
  g_slope = (float)spec_param_slope_values[c];
  snprintf(g_case, sizeof g_case, " slope=%g", (double)g_slope);
  return g_case;
}
#define NUM_CASES SPEC_PARAM_SLOPE_COUNT
#define SET_CASE(c) set_case(c)
#define RUN_KERNEL(x, y, n) eok_relu_f16((x), (y), (n), g_slope)
#define GOLDEN(x) golden_relu_f16((x), g_slope)
#include "unary_f16_test.h"
