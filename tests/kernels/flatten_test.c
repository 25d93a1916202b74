/* ker0 of kernels/nn/flatten against its golden: every test shape of the spec with and
 * without the special values, then random shapes in both layouts. */
#include <stdio.h>
#include <stdlib.h>

#include "flatten_spec.h"
#include "golden.h"
#include "tensor_case.h"

void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, long pack, int specials)
{
  long n = c * h * w;
  Case k;
  case_begin(&k, 1, &n, n);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_save(&k);
  eok_flatten_f32(k.in[0].data, k.out.data, c, h, w, pack);
  eok_flatten_f32(k.in[0].data, k.out2.data, c, h, w, pack);
  golden_flatten(k.in[0].data, k.want, c, h, w, pack);
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
  for (int s = 0; s < 100; ++s) {
    long pack = s % 2 ? 8 : 1;
    long c = pack * (1 + (long)(rng_next(&rng) % 4));
    long h = 1 + (long)(rng_next(&rng) % 9);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, pack, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c up to 32, h 1-9, w 1-40, both layouts)");
  return shapes.failures || extra.failures ? 1 : 0;
}
