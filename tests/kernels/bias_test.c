/* ker0 of kernels/nn/bias against its golden: every test shape of the spec with and without
 * the spec's special values, then random shapes. */
#include <stdio.h>
#include <stdlib.h>

#include "bias_spec.h"
#include "golden_channel.h"
#include "tensor_case.h"

void eok_bias_f32(const float* x, const float* bias, float* y, long c, long h, long w);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, int specials)
{
  long lens[2] = {c * h * w, c};
  Case k;
  case_begin(&k, 2, lens, lens[0]);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_fill(&k, rng, 1, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  case_save(&k);
  eok_bias_f32(k.in[0].data, k.in[1].data, k.out.data, c, h, w);
  eok_bias_f32(k.in[0].data, k.in[1].data, k.out2.data, c, h, w);
  golden_bias(k.in[0].data, k.in[1].data, k.want, c, h, w);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld%s", c, h, w, specials ? " +specials" : "");
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 40; ++s) {
    long c = 1 + (long)(rng_next(&rng) % 9);
    long h = 1 + (long)(rng_next(&rng) % 9);
    long w = 1 + (long)(rng_next(&rng) % 70);
    run_shape(&extra, &rng, c, h, w, s % 2);
  }
  stats_print(&extra, "random shapes (c 1-9, h 1-9, w 1-70)");
  return shapes.failures || extra.failures ? 1 : 0;
}
