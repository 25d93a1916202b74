/* Generic ker0-vs-golden test for elementwise fp32 kernels y[i] = f(x[i]).
 * The including file includes its generated spec header and defines
 *   RUN_KERNEL(x, y, n)  the ker0 call, and
 *   GOLDEN(x)            the golden value for one input, as a double.
 * Checks every test shape of the spec (seeded inputs in the spec's range plus its
 * special values), then a sweep of random bit patterns and a dense grid. Also checks
 * that x is unchanged, nothing is written outside y, and a second run is identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Chunks of 100003 random bit patterns in the sweep; a test running the sweep once per
 * param value may take fewer. */
#ifndef UNARY_SWEEP_CHUNKS
#define UNARY_SWEEP_CHUNKS 10
#endif

static long run_case(Stats* st, const char* what, const float* input, long n)
{
  Guarded x = guarded_alloc(n);
  Guarded y = guarded_alloc(n);
  Guarded y2 = guarded_alloc(n);
  memcpy(x.data, input, sizeof(float) * (size_t)n);
  long before = st->failures;
  RUN_KERNEL(x.data, y.data, n);
  for (long i = 0; i < n; ++i) {
    check_value(st, what, i, (double)input[i], GOLDEN((double)input[i]), y.data[i]);
  }
  RUN_KERNEL(x.data, y2.data, n);
  if (memcmp(x.data, input, sizeof(float) * (size_t)n) != 0) {
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
  return st->failures - before;
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, sweep;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&sweep, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);

  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* in = malloc(sizeof(float) * (size_t)(n + 1));
    fill_inputs(&rng, in, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
    free(in);
  }
  stats_print(&shapes, "test shapes");

  /* Beyond the spec's range: every float bit pattern class, then a dense grid that
   * crosses exp's clamp points and the polynomial switch-overs. Odd lengths keep tails. */
  enum { k_chunk = 100003 };
  float* in = malloc(sizeof(float) * k_chunk);
  for (int c = 0; c < UNARY_SWEEP_CHUNKS; ++c) {
    for (long i = 0; i < k_chunk; ++i) {
      in[i] = rng_any_float(&rng);
    }
    run_case(&sweep, "random bits", in, k_chunk);
  }
  long i = 0;
  for (double v = -120.0; v <= 120.0; v += 1.0 / 1024) {
    in[i++] = (float)v;
    if (i == k_chunk) {
      run_case(&sweep, "grid", in, i);
      i = 0;
    }
  }
  for (int s = 0; s < SPEC_X_NUM_SPECIALS; ++s) {
    in[i++] = spec_x_specials[s];
  }
  run_case(&sweep, "grid", in, i);
  free(in);
  stats_print(&sweep, "sweep (all floats, grid [-120, 120])");
  return shapes.failures || sweep.failures ? 1 : 0;
}
