/* ker0 of kernels/nn/instancenorm against its golden: every test shape of the spec with and
 * without the special values, constant channels (var 0), then random shapes in both
 * layouts. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "golden.h"
#include "instancenorm_spec.h"
#include "tensor_case.h"

void eok_instancenorm_f32(const float* x, const float* gamma, const float* beta, float* y,
                          long c, long h, long w, long elempack, float eps);

/* specials: 0 none, 1 the spec's, 2 every channel constant */
static void run_shape(Stats* st, Rng* rng, long c, long h, long w, long pack, int specials)
{
  long lens[3] = {c * h * w, c, c};
  Case k;
  case_begin(&k, 3, lens, lens[0]);
  /* One NaN or infinity turns its channel (only) into NaN; the spec's own specials too. */
  static const float nonfinite[5] = {NAN, INFINITY, -INFINITY, -0.0f, 0x1p-140f};
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, nonfinite, specials == 1 ? 5 : 0);
  if (specials == 1) {
    for (int s = 0; s < SPEC_X_NUM_SPECIALS && lens[0] > 0; ++s) {
      k.in[0].data[rng_next(rng) % (uint64_t)lens[0]] = spec_x_specials[s];
    }
  }
  if (specials == 2) {
    for (long i = 0; i < lens[0]; ++i) {
      k.in[0].data[i] = 0.125f; /* x*a and mean*a exact: NCNN's form is exact too */
    }
  }
  case_fill(&k, rng, 1, SPEC_GAMMA_LO, SPEC_GAMMA_HI, NULL, 0);
  case_fill(&k, rng, 2, SPEC_BETA_LO, SPEC_BETA_HI, NULL, 0);
  case_save(&k);
  const float *x = k.in[0].data, *g = k.in[1].data, *b = k.in[2].data;
  eok_instancenorm_f32(x, g, b, k.out.data, c, h, w, pack, (float)SPEC_PARAM_EPS);
  eok_instancenorm_f32(x, g, b, k.out2.data, c, h, w, pack, (float)SPEC_PARAM_EPS);
  golden_instancenorm(x, g, b, k.want, c, h, w, pack, (double)(float)SPEC_PARAM_EPS);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld%s", c, h, w, pack,
           specials == 1 ? " +specials" : specials == 2 ? " constant" : "");
  case_end(&k, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, extra;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&extra, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int specials = 0; specials < 3; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W],
                sh[SPEC_SIZE_ELEMPACK], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 60; ++s) {
    long pack = s % 2 ? 8 : 1;
    long c = pack * (1 + (long)(rng_next(&rng) % 3));
    long h = 2 + (long)(rng_next(&rng) % 8); /* size >= 2 (see kernel.toml) */
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c up to 24, h 2-9, w 1-40, both layouts)");
  return shapes.failures || extra.failures ? 1 : 0;
}
