/* ker0 of kernels/nn/batchnorm_f16 against the double golden, in fp16 ulps: every test shape
 * of the spec with and without special values, every fp16 value (planar and packed), then
 * random shapes in both layouts. Also checks that no input changes, nothing is written
 * outside y and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batchnorm_f16_spec.h" /* before half_check.h: its tolerance */
#include "golden.h"
#include "half_check.h"

void eok_batchnorm_f16(const _Float16* x, const float* a, const float* b, _Float16* y, long c,
                       long h, long w, long elempack);
void golden_batchnorm_f16(const float* x, const float* a, const float* b, double* y, long c,
                          long size);

/* Index of channel q's pixel i in either layout. */
static long at(long q, long i, long size, long pack)
{
  return pack == 16 ? ((q / 16) * size + i) * 16 + q % 16 : q * size + i;
}

/* fill: 0 random, 1 random with the spec's specials, 2 every fp16 bit pattern in order */
static void run_shape(HStats* st, Rng* rng, long c, long h, long w, long pack, int fill)
{
  const long size = h * w, total = c * size;
  HGuarded x = half_alloc(total), y = half_alloc(total), y2 = half_alloc(total);
  if (fill == 2) {
    for (long i = 0; i < total; ++i) {
      uint16_t u = (uint16_t)i;
      memcpy(&x.data[i], &u, 2);
    }
  } else {
    half_fill(rng, x.data, total, SPEC_X_LO, SPEC_X_HI, spec_x_specials,
              fill ? SPEC_X_NUM_SPECIALS : 0);
  }
  float* a = malloc(sizeof(float) * (size_t)(c + 1));
  float* b = malloc(sizeof(float) * (size_t)(c + 1));
  fill_inputs(rng, a, c, SPEC_A_LO, SPEC_A_HI, NULL, 0);
  fill_inputs(rng, b, c, SPEC_B_LO, SPEC_B_HI, NULL, 0);
  _Float16* saved = malloc(2 * (size_t)(total + 1));
  memcpy(saved, x.data, 2 * (size_t)total);
  float* planar = malloc(sizeof(float) * (size_t)(total + 1));
  double* want = malloc(sizeof(double) * (size_t)(total + 1));
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      planar[q * size + i] = (float)x.data[at(q, i, size, pack)];
    }
  }
  eok_batchnorm_f16(x.data, a, b, y.data, c, h, w, pack);
  eok_batchnorm_f16(x.data, a, b, y2.data, c, h, w, pack);
  golden_batchnorm_f16(planar, a, b, want, c, size);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld%s", c, h, w, pack,
           fill == 1 ? " +specials" : fill == 2 ? " every fp16 value" : "");
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long j = at(q, i, size, pack);
      double g = want[q * size + i];
      /* From 65520 (the midpoint above fp16's 65504) up, the output is infinite. */
      half_check(st, what, j, fabs(g) >= 65520.0 ? copysign(INFINITY, g) : g, y.data[j]);
    }
  }
  if (memcmp(saved, x.data, 2 * (size_t)total) != 0 || !half_guards_ok(&x)) {
    printf("FAIL %s: input x modified or written outside\n", what);
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
  free(a);
  free(b);
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
                sh[SPEC_SIZE_ELEMPACK], fill);
    }
  }
  half_stats_print(&shapes, "test shapes");
  /* Every fp16 value: 4 planar channels of 16384, and 16 packed channels of 4096. */
  run_shape(&all, &rng, 4, 128, 128, 1, 2);
  run_shape(&all, &rng, 16, 64, 64, 16, 2);
  half_stats_print(&all, "every fp16 value");
  for (int s = 0; s < 60; ++s) {
    long pack = s % 2 ? 16 : 1;
    long c = pack * (1 + (long)(rng_next(&rng) % 3));
    long h = 1 + (long)(rng_next(&rng) % 8);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, s % 3 == 0);
  }
  half_stats_print(&extra, "random shapes (c up to 48, h 1-8, w 1-40, both layouts)");
  return shapes.failures || all.failures || extra.failures ? 1 : 0;
}
