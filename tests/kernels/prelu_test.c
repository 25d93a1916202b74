/* ker0 of kernels/nn/prelu against its golden: every test shape of the spec with and
 * without the spec's special values, then random shapes in both layouts with per-channel
 * slopes and with one slope. */
#include <stdio.h>
#include <stdlib.h>

#include "golden_channel.h"
#include "prelu_spec.h"
#include "tensor_case.h"

void eok_prelu_f32(const float* x, const float* slope, float* y, long c, long h, long w,
                   long elempack, long num_slope);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, long pack, long num_slope,
                      int specials)
{
  long lens[2] = {c * h * w, num_slope};
  Case k;
  case_begin(&k, 2, lens, lens[0]);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_fill(&k, rng, 1, SPEC_SLOPE_LO, SPEC_SLOPE_HI, NULL, 0);
  case_save(&k);
  const float *x = k.in[0].data, *s = k.in[1].data;
  eok_prelu_f32(x, s, k.out.data, c, h, w, pack, num_slope);
  eok_prelu_f32(x, s, k.out2.data, c, h, w, pack, num_slope);
  golden_prelu(x, s, k.want, c, h, w, pack, num_slope);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld elempack=%ld num_slope=%ld%s", c, h, w, pack,
           num_slope, specials ? " +specials" : "");
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
                sh[SPEC_SIZE_ELEMPACK], sh[SPEC_SIZE_NUM_SLOPE], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 40; ++s) {
    long pack = s % 2 ? 8 : 1;
    long c = (pack == 8 ? 8 : 1) * (1 + (long)(rng_next(&rng) % 3));
    long h = 1 + (long)(rng_next(&rng) % 9);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, (s / 2) % 2 ? c : 1, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c up to 24, h 1-9, w 1-40, both layouts, both slope forms)");
  return shapes.failures || extra.failures ? 1 : 0;
}
