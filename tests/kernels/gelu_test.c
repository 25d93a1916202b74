/* ker0 of kernels/nn/gelu against its golden on the spec's shapes, once per fast_gelu value
 * the spec lists (unary_test.h's checks, run for each form). */
#include <stdio.h>

#include "gelu_spec.h"
#include "golden_channel.h"
#if SPEC_PARAM_FAST_GELU_RANDOM
#error "this test checks the listed fast_gelu values only"
#endif

void eok_gelu_f32(const float* x, float* y, long n, long fast_gelu);
static long g_fast; /* the form of the current pass */
#define RUN_KERNEL(x, y, n) eok_gelu_f32((x), (y), (n), g_fast)
#define GOLDEN(x) golden_gelu((x), g_fast)
#define UNARY_SWEEP_CHUNKS 3 /* the sweep runs once per param value */
#define main unary_main
#include "unary_test.h"
#undef main

int main(int argc, char** argv)
{
  int failed = 0;
  for (int s = 0; s < SPEC_PARAM_FAST_GELU_COUNT; ++s) {
    g_fast = (long)spec_param_fast_gelu_values[s];
    printf("fast_gelu = %ld\n", g_fast);
    failed |= unary_main(argc, argv);
  }
  return failed;
}
