/* ker0 of kernels/nn/interp against its golden: every test shape of the spec with and without
 * the special values, then random sizes in every mode. */
#include <stdio.h>
#include <stdlib.h>

#include "golden_compute.h"
#include "interp_spec.h"
#include "tensor_case.h"

void eok_interp_f32(const float* x, float* y, long cg, long h, long w, long outh, long outw, long mode);

static void run_shape(Stats* st, Rng* rng, long cg, long h, long w, long outh, long outw, long mode, int specials)
{
  long n = cg * 8 * h * w;
  Case t;
  case_begin(&t, 1, &n, cg * 8 * outh * outw);
  case_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_save(&t);
  eok_interp_f32(t.in[0].data, t.out.data, cg, h, w, outh, outw, mode);
  eok_interp_f32(t.in[0].data, t.out2.data, cg, h, w, outh, outw, mode);
  golden_interp(t.in[0].data, t.want, cg, h, w, outh, outw, mode);
  char what[128];
  snprintf(what, sizeof what, "cg=%ld h=%ld w=%ld outh=%ld outw=%ld mode=%ld%s", cg, h, w, outh, outw, mode, specials ? " +specials" : "");
  case_end(&t, st, what);
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_CG], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], sh[SPEC_SIZE_OUTH], sh[SPEC_SIZE_OUTW],
                sh[SPEC_SIZE_MODE], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 45; ++s) {
    long mode = 1 + s % 3, min = mode == 1 ? 1 : mode == 2 ? 2 : 4;
    run_shape(&extra, &rng, 1, min + (long)(rng_next(&rng) % 10), min + (long)(rng_next(&rng) % 10), 1 + (long)(rng_next(&rng) % 20),
              1 + (long)(rng_next(&rng) % 20), mode, s % 4 == 0);
  }
  stats_print(&extra, "random sizes (every mode, up and down)");
  return shapes.failures || extra.failures ? 1 : 0;
}
