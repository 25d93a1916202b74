/* ker0 of kernels/nn/cast_f16_f32 against its golden: the spec's shapes (its range and
 * specials, as fp16), then all 65536 fp16 bit patterns, twice with different tails. Exact:
 * value, NaN-ness and the sign of zero. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast_f16_f32_spec.h"
#include "check.h"

void eok_cast_f16_f32(const _Float16* x, float* y, long n);
double golden_f16_bits_to_double(uint16_t b);

static void run_case(Stats* st, const char* what, const _Float16* in, long n)
{
  _Float16* x = malloc(2 * (size_t)n + 2);
  Guarded y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x, in, 2 * (size_t)n);
  eok_cast_f16_f32(x, y.data, n);
  eok_cast_f16_f32(x, y2.data, n);
  for (long i = 0; i < n; ++i) {
    uint16_t b;
    memcpy(&b, &in[i], 2);
    double want = golden_f16_bits_to_double(b);
    if (check_value(st, what, i, want, want, y.data[i]) && !signbit(want) != !signbit(y.data[i]) &&
        !isnan(want)) {
      printf("FAIL %s [%ld]: bits 0x%04x want %g got %g (sign)\n", what, i, b, want, (double)y.data[i]);
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
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* f = malloc(sizeof(float) * (size_t)(n + 1));
    _Float16* in = malloc(2 * (size_t)(n + 1));
    fill_inputs(&rng, f, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
    for (long i = 0; i < n; ++i) {
      in[i] = (_Float16)f[i];
    }
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
    free(f);
    free(in);
  }
  stats_print(&shapes, "test shapes");
  _Float16* in = malloc(2 * 65536);
  for (long i = 0; i < 65536; ++i) {
    uint16_t b = (uint16_t)i;
    memcpy(&in[i], &b, 2);
  }
  run_case(&all, "all fp16", in, 65536);
  run_case(&all, "all fp16 from 1", in + 1, 65535 - 4);
  free(in);
  stats_print(&all, "all fp16 inputs");
  return shapes.failures || all.failures ? 1 : 0;
}
