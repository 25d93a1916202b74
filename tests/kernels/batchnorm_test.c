/* ker0 of kernels/nn/batchnorm against its golden: every test shape of the spec with and
 * without the spec's special values, then random shapes in both layouts. */
#include <stdio.h>
#include <stdlib.h>

#include "batchnorm_spec.h"
#include "golden_channel.h"
#include "tensor_case.h"

void eok_batchnorm_f32(const float* x, const float* a, const float* b, float* y, long c,
                       long h, long w, long elempack);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, long pack, int specials)
{
  long lens[3] = {c * h * w, c, c};
  Case k;
  case_begin(&k, 3, lens, lens[0]);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_fill(&k, rng, 1, SPEC_A_LO, SPEC_A_HI, NULL, 0);
  case_fill(&k, rng, 2, SPEC_B_LO, SPEC_B_HI, NULL, 0);
  case_save(&k);
  const float *x = k.in[0].data, *a = k.in[1].data, *b = k.in[2].data;
  eok_batchnorm_f32(x, a, b, k.out.data, c, h, w, pack);
  eok_batchnorm_f32(x, a, b, k.out2.data, c, h, w, pack);
  golden_batchnorm(x, a, b, k.want, c, h, w, pack);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld%s", c, h, w, pack,
           specials ? " +specials" : "");
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
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W],
                sh[SPEC_SIZE_ELEMPACK], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 40; ++s) {
    long pack = s % 2 ? 8 : 1;
    long c = (pack == 8 ? 8 : 1) * (1 + (long)(rng_next(&rng) % 3));
    long h = 1 + (long)(rng_next(&rng) % 9);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c up to 24, h 1-9, w 1-40, both layouts)");
  return shapes.failures || extra.failures ? 1 : 0;
}
