/* ker0 of kernels/nn/relu against its golden on the spec's shapes, once per slope the spec
 * lists (unary_test.h's checks, run for each value). */
#include <stdio.h>

#include "golden.h"
#include "relu_spec.h"
#if SPEC_PARAM_SLOPE_RANDOM
#error "this test checks the listed slopes only: add the drawn one when kernel.toml gives a range"
#endif

void eok_relu_f32(const float* x, float* y, long n, float slope);
static float g_slope; /* the slope of the current pass */
#define RUN_KERNEL(x, y, n) eok_relu_f32((x), (y), (n), g_slope)
#define GOLDEN(x) golden_relu((x), (double)g_slope)
#define UNARY_SWEEP_CHUNKS 3 /* the sweep runs once per param value */
#define main unary_main
#include "unary_test.h"
#undef main

int main(int argc, char** argv)
{
  int failed = 0;
  for (int s = 0; s < SPEC_PARAM_SLOPE_COUNT; ++s) {
    g_slope = (float)spec_param_slope_values[s];
    printf("slope = %g\n", (double)g_slope);
    failed |= unary_main(argc, argv);
  }
  return failed;
}
