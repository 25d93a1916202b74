/* ker0 of kernels/nn/cast_bf16_f32 against its golden: the spec's shapes with random words,
 * then all 65536 bf16 words twice with different tails. Exact: value, NaN-ness and the sign
 * of zero. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast_bf16_f32_spec.h"
#include "check.h"

void eok_cast_bf16_f32(const unsigned char* x, float* y, long n);
double golden_bf16_to_double(uint16_t b);

static void run_case(Stats* st, const char* what, const uint16_t* in, long n)
{
  unsigned char* x = malloc(2 * (size_t)n + 2);
  Guarded y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x, in, 2 * (size_t)n);
  eok_cast_bf16_f32(x, y.data, n);
  eok_cast_bf16_f32(x, y2.data, n);
  for (long i = 0; i < n; ++i) {
    double want = golden_bf16_to_double(in[i]);
    if (check_value(st, what, i, want, want, y.data[i]) && !isnan(want) &&
        !signbit(want) != !signbit(y.data[i])) {
      printf("FAIL %s [%ld]: word 0x%04x want %g got %g (sign)\n", what, i, in[i], want, (double)y.data[i]);
      st->failures++;
    }
  }
  if (memcmp(x, in, 2 * (size_t)n) != 0 || !guarded_ok(&y) || !guarded_ok(&y2) ||
      memcmp(y.data, y2.data, sizeof(float) * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified, write outside y or second run differs\n", what, n);
    st->failures++;
  }
  free(x);
  guarded_free(&y);
  guarded_free(&y2);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, all;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&all, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  uint16_t* in = malloc(2 * 65536);
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    for (long i = 0; i < n; ++i) {
      in[i] = (uint16_t)rng_next(&rng);
    }
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
  }
  stats_print(&shapes, "test shapes");
  for (long i = 0; i < 65536; ++i) {
    in[i] = (uint16_t)i;
  }
  run_case(&all, "all bf16", in, 65536);
  run_case(&all, "all bf16 from 1", in + 1, 65535 - 4);
  free(in);
  stats_print(&all, "all bf16 words");
  return shapes.failures || all.failures ? 1 : 0;
}
