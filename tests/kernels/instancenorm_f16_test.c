/* ker0 of kernels/nn/instancenorm_f16 against the fp32 task's double golden, in fp16 ulps:
 * every test shape of the spec with and without special values (one NaN or infinity makes
 * its channel, and only it, NaN), constant channels (var 0), then random shapes in both
 * layouts. Also checks that no input changes, nothing is written outside y and a second run
 * is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instancenorm_f16_spec.h" /* before half_check.h: its tolerance */
#include "golden.h"
#include "half_check.h"

void eok_instancenorm_f16(const _Float16* x, const float* gamma, const float* beta,
                          _Float16* y, long c, long h, long w, long elempack, float eps);

/* Index of channel q's pixel i in either layout. */
static long at(long q, long i, long size, long pack)
{
  return pack == 16 ? ((q / 16) * size + i) * 16 + q % 16 : q * size + i;
}

/* specials: 0 none, 1 one non-finite value (and the spec's specials), 2 every channel constant */
static void run_shape(HStats* st, Rng* rng, long c, long h, long w, long pack, int specials)
{
  const long size = h * w, total = c * size;
  HGuarded x = half_alloc(total), y = half_alloc(total), y2 = half_alloc(total);
  static const float nonfinite[3] = {NAN, INFINITY, -INFINITY};
  half_fill(rng, x.data, total, SPEC_X_LO, SPEC_X_HI, NULL, 0);
  if (specials == 1 && total > 0) {
    x.data[rng_next(rng) % (uint64_t)total] = (_Float16)nonfinite[rng_next(rng) % 3];
    for (int s = 0; s < SPEC_X_NUM_SPECIALS; ++s) {
      float v = spec_x_specials[s];
      x.data[rng_next(rng) % (uint64_t)total] =
          v != 0.0f && fabsf(v) < 0x1p-126f ? (_Float16)0x1p-20f : (_Float16)v;
    }
  }
  if (specials == 2) {
    for (long i = 0; i < total; ++i) {
      x.data[i] = (_Float16)0.125f; /* x*a and mean*a exact: NCNN's form is exact too */
    }
  }
  float* gamma = malloc(sizeof(float) * (size_t)(c + 1));
  float* beta = malloc(sizeof(float) * (size_t)(c + 1));
  fill_inputs(rng, gamma, c, SPEC_GAMMA_LO, SPEC_GAMMA_HI, NULL, 0);
  fill_inputs(rng, beta, c, SPEC_BETA_LO, SPEC_BETA_HI, NULL, 0);
  _Float16* saved = malloc(2 * (size_t)(total + 1));
  memcpy(saved, x.data, 2 * (size_t)total);
  /* The golden on the planar image of x (as floats: exact). */
  float* planar = malloc(sizeof(float) * (size_t)(total + 1));
  double* want_planar = malloc(sizeof(double) * (size_t)(total + 1));
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      planar[q * size + i] = (float)x.data[at(q, i, size, pack)];
    }
  }
  const float eps = (float)SPEC_PARAM_EPS;
  eok_instancenorm_f16(x.data, gamma, beta, y.data, c, h, w, pack, eps);
  eok_instancenorm_f16(x.data, gamma, beta, y2.data, c, h, w, pack, eps);
  golden_instancenorm(planar, gamma, beta, want_planar, c, h, w, 1, (double)eps);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld%s", c, h, w, pack,
           specials == 1 ? " +specials" : specials == 2 ? " constant" : "");
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long j = at(q, i, size, pack);
      half_check(st, what, j, want_planar[q * size + i], y.data[j]);
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
  free(gamma);
  free(beta);
  free(saved);
  free(planar);
  free(want_planar);
  free(x.base);
  free(y.base);
  free(y2.base);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes = {0}, extra = {0};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int specials = 0; specials < 3; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W],
                sh[SPEC_SIZE_ELEMPACK], specials);
    }
  }
  half_stats_print(&shapes, "test shapes");
  for (int s = 0; s < 60; ++s) {
    long pack = s % 2 ? 16 : 1;
    long c = pack * (1 + (long)(rng_next(&rng) % 3));
    long h = 2 + (long)(rng_next(&rng) % 8); /* size >= 2 (see kernel.toml) */
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, s % 3 == 0);
  }
  half_stats_print(&extra, "random shapes (c up to 48, h 2-9, w 1-40, both layouts)");
  return shapes.failures || extra.failures ? 1 : 0;
}
