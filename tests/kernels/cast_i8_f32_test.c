/* ker0 of kernels/nn/cast_i8_f32 against its golden: the spec's shapes (uniform bytes), then
 * all 256 int8 values at every offset of a vector, exact (a zero must be +0). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast_i8_f32_spec.h"
#include "check.h"

void eok_cast_i8_f32(const unsigned char* x, float* y, long n);
double golden_i8_to_double(unsigned char b);

static void run_case(Stats* st, const char* what, const unsigned char* in, long n)
{
  unsigned char* x = malloc((size_t)n + 1);
  Guarded y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x, in, (size_t)n);
  eok_cast_i8_f32(x, y.data, n);
  eok_cast_i8_f32(x, y2.data, n);
  for (long i = 0; i < n; ++i) {
    double want = golden_i8_to_double(in[i]);
    if (check_value(st, what, i, want, want, y.data[i]) && y.data[i] == 0.f && signbit(y.data[i])) {
      printf("FAIL %s [%ld]: byte 0x%02x gave -0\n", what, i, in[i]);
      st->failures++;
    }
  }
  if (memcmp(x, in, (size_t)n) != 0 || !guarded_ok(&y) || !guarded_ok(&y2) ||
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
    unsigned char* in = malloc((size_t)n + 1);
    for (long i = 0; i < n; ++i) {
      in[i] = (unsigned char)rng_next(&rng);
    }
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
    free(in);
  }
  stats_print(&shapes, "test shapes");
  /* All 256 bytes twice over, then from each offset 1..63 (every lane of a vector). */
  unsigned char every[512];
  for (int i = 0; i < 512; ++i) {
    every[i] = (unsigned char)i;
  }
  run_case(&all, "all int8", every, 512);
  for (int off = 1; off < 64; ++off) {
    run_case(&all, "all int8 from an offset", every + off, 256 + off % 7);
  }
  stats_print(&all, "all int8 inputs");
  return shapes.failures || all.failures ? 1 : 0;
}
