/* ker0 of kernels/nn/prelu_f16 against the double golden, in fp16 ulps: every test shape of
 * the spec with and without special values, every fp16 value (planar with one slope and
 * packed with per-channel slopes), then random shapes in both layouts and slope forms. Also
 * checks that no input changes, nothing is written outside y and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prelu_f16_spec.h" /* before half_check.h: its tolerance */
#include "golden.h"
#include "half_check.h"

void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope);
void golden_prelu_f16(const float* x, const float* slope, double* y, long c, long size,
                      long num_slope);

/* Index of channel q's pixel i in either layout. */
static long at(long q, long i, long size, long pack)
{
  return pack == 16 ? ((q / 16) * size + i) * 16 + q % 16 : q * size + i;
}

/* fill: 0 random, 1 random with the spec's specials, 2 every fp16 bit pattern in order */
static void run_shape(HStats* st, Rng* rng, long c, long h, long w, long pack, long num_slope,
                      int fill)
{
  const long size = h * w, total = c * size;
  HGuarded x = half_alloc(total), y = half_alloc(total), y2 = half_alloc(total);
  if (fill == 2) {
    for (long i = 0; i < total; ++i) {
      uint16_t b = (uint16_t)i;
      memcpy(&x.data[i], &b, 2);
    }
  } else {
    half_fill(rng, x.data, total, SPEC_X_LO, SPEC_X_HI, spec_x_specials,
              fill ? SPEC_X_NUM_SPECIALS : 0);
  }
  float* slope = malloc(sizeof(float) * (size_t)(num_slope + 1));
  fill_inputs(rng, slope, num_slope, SPEC_SLOPE_LO, SPEC_SLOPE_HI, NULL, 0);
  float* saved_slope = malloc(sizeof(float) * (size_t)(num_slope + 1));
  memcpy(saved_slope, slope, sizeof(float) * (size_t)num_slope);
  _Float16* saved = malloc(2 * (size_t)(total + 1));
  memcpy(saved, x.data, 2 * (size_t)total);
  float* planar = malloc(sizeof(float) * (size_t)(total + 1));
  double* want = malloc(sizeof(double) * (size_t)(total + 1));
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      planar[q * size + i] = (float)x.data[at(q, i, size, pack)];
    }
  }
  eok_prelu_f16(x.data, slope, y.data, c, h, w, pack, num_slope);
  eok_prelu_f16(x.data, slope, y2.data, c, h, w, pack, num_slope);
  golden_prelu_f16(planar, slope, want, c, size, num_slope);
  char what[112];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld num_slope=%ld%s", c, h, w, pack,
           num_slope, fill == 1 ? " +specials" : fill == 2 ? " every fp16 value" : "");
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long j = at(q, i, size, pack);
      double g = want[q * size + i], a = fabs(g), got = fabs((double)y.data[j]);
      /* A product from 65520 (the midpoint above fp16's 65504) up is the output's infinity;
       * within 32 of that midpoint (a slope rounded to fp16 moves the product by up to 2^-12
       * of it, 16 here) either neighbour, 65504 or inf, is sound. */
      if (a > 65488.0 && a < 65552.0 && (got == 65504.0 || isinf(got)) &&
          signbit(g) == signbit((double)y.data[j])) {
        g = (double)y.data[j];
      } else if (a >= 65520.0) {
        g = copysign(INFINITY, g);
      }
      half_check(st, what, j, g, y.data[j]);
    }
  }
  if (memcmp(saved, x.data, 2 * (size_t)total) != 0 || !half_guards_ok(&x) ||
      memcmp(saved_slope, slope, sizeof(float) * (size_t)num_slope) != 0) {
    printf("FAIL %s: input modified or written outside\n", what);
    st->failures++;
  }
  if (!half_guards_ok(&y) || !half_guards_ok(&y2)) {
    printf("FAIL %s: write outside y\n", what);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, 2 * (size_t)total) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(slope);
  free(saved_slope);
  free(saved);
  free(planar);
  free(want);
  free(x.base);
  free(y.base);
  free(y2.base);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes = {0}, all = {0}, extra = {0};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int fill = 0; fill < 2; ++fill) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W],
                sh[SPEC_SIZE_ELEMPACK], sh[SPEC_SIZE_NUM_SLOPE], fill);
    }
  }
  half_stats_print(&shapes, "test shapes");
  /* Every fp16 value: planar with one slope (4 slopes drawn), packed with 16 slopes. */
  for (int s = 0; s < 4; ++s) {
    run_shape(&all, &rng, 1, 256, 256, 1, 1, 2);
  }
  run_shape(&all, &rng, 16, 64, 64, 16, 16, 2);
  half_stats_print(&all, "every fp16 value");
  for (int s = 0; s < 60; ++s) {
    long pack = s % 2 ? 16 : 1;
    long c = pack * (1 + (long)(rng_next(&rng) % 3));
    long h = 1 + (long)(rng_next(&rng) % 8);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, (s / 2) % 2 ? c : 1, s % 3 == 0);
  }
  half_stats_print(&extra, "random shapes (c up to 48, h 1-8, w 1-40, both layouts)");
  return shapes.failures || all.failures || extra.failures ? 1 : 0;
}
