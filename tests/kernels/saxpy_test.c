/* ker0 of kernels/blas/saxpy against its golden: every test shape of the spec with every
 * alpha it lists (x with the spec's specials, y in its range), then a sweep with x of any bit pattern. Also checks
 * that x is unchanged, nothing is written outside x or y, and a second run on the same y
 * gives the same result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden.h"
#include "saxpy_spec.h"

void eok_saxpy_f32(long n, float a, const float* x, float* y);

static void run_case(Stats* st, const char* what, float a, const float* xin, const float* yin, long n)
{
  Guarded x = guarded_alloc(n), y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x.data, xin, sizeof(float) * (size_t)n);
  memcpy(y.data, yin, sizeof(float) * (size_t)n);
  memcpy(y2.data, yin, sizeof(float) * (size_t)n);
  eok_saxpy_f32(n, a, x.data, y.data);
  for (long i = 0; i < n; ++i) {
    check_value(st, what, i, (double)xin[i], golden_saxpy(a, xin[i], yin[i]), y.data[i]);
  }
  eok_saxpy_f32(n, a, x.data, y2.data);
  if (memcmp(x.data, xin, sizeof(float) * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified\n", what, n);
    st->failures++;
  }
  if (!guarded_ok(&x) || !guarded_ok(&y) || !guarded_ok(&y2)) {
    printf("FAIL %s n=%ld: write outside a buffer\n", what, n);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, sizeof(float) * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: second run differs\n", what, n);
    st->failures++;
  }
  guarded_free(&x);
  guarded_free(&y);
  guarded_free(&y2);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, sweep;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  /* Beyond the range |a * x| may be huge: the spec's absolute bound plus 2^-22 relative
   * (a fused result is within 2^-24, an unfused one within about 2^-23). */
  stats_init(&sweep, SPEC_TOL_ABS, 0x1p-22, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);

  /* Every alpha the spec lists, then one drawn from its range (as the evaluator does). */
  float alphas[SPEC_PARAM_A_COUNT + 1];
  int num_alphas = SPEC_PARAM_A_COUNT;
  for (int i = 0; i < SPEC_PARAM_A_COUNT; ++i) {
    alphas[i] = (float)spec_param_a_values[i];
  }
#if SPEC_PARAM_A_RANDOM
  alphas[num_alphas++] = (float)rng_uniform(&rng, SPEC_A_LO, SPEC_A_HI);
#endif
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* xin = malloc(sizeof(float) * (size_t)(n + 1));
    float* yin = malloc(sizeof(float) * (size_t)(n + 1));
    fill_inputs(&rng, xin, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
    fill_inputs(&rng, yin, n, SPEC_Y_LO, SPEC_Y_HI, NULL, 0);
    for (int k = 0; k < num_alphas; ++k) {
      char what[64];
      snprintf(what, sizeof what, "shape n=%ld a=%g", n, (double)alphas[k]);
      run_case(&shapes, what, alphas[k], xin, yin, n);
    }
    free(xin);
    free(yin);
  }
  stats_print(&shapes, "test shapes");

  enum { k_chunk = 100003 };
  float* xin = malloc(sizeof(float) * k_chunk);
  float* yin = malloc(sizeof(float) * k_chunk);
  for (int c = 0; c < 5; ++c) {
    for (long i = 0; i < k_chunk; ++i) {
      xin[i] = rng_any_float(&rng);
    }
    fill_inputs(&rng, yin, k_chunk, SPEC_Y_LO, SPEC_Y_HI, NULL, 0);
    run_case(&sweep, "random bits", (float)SPEC_PARAM_A, xin, yin, k_chunk - c);
  }
  /* Cancellation: y = -a * x rounded, so the exact result is the small rounding error. */
  for (long i = 0; i < k_chunk; ++i) {
    xin[i] = (float)rng_uniform(&rng, SPEC_X_LO, SPEC_X_HI);
    yin[i] = -((float)SPEC_PARAM_A * xin[i]);
  }
  run_case(&sweep, "cancellation", (float)SPEC_PARAM_A, xin, yin, k_chunk);
  free(xin);
  free(yin);
  stats_print(&sweep, "sweep (x any bits, y in range; cancellation)");
  return shapes.failures || sweep.failures ? 1 : 0;
}
