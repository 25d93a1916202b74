/* ker0 of kernels/nn/crop against its golden: every test shape of the spec with and without
 * the special values, then random crops in both layouts. */
#include <stdio.h>
#include <stdlib.h>

#include "crop_spec.h"
#include "golden.h"
#include "tensor_case.h"

void eok_crop_f32(const float* x, float* y, long coff, long outc, long crest, long hoff,
                  long outh, long hrest, long woff, long outw, long wrest, long elempack);

static void run_shape(Stats* st, Rng* rng, const long* s, int specials)
{
  long nx = (s[0] + s[1] + s[2]) * (s[3] + s[4] + s[5]) * (s[6] + s[7] + s[8]);
  long ny = s[1] * s[4] * s[7];
  Case k;
  case_begin(&k, 1, &nx, ny);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_save(&k);
  eok_crop_f32(k.in[0].data, k.out.data, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
  eok_crop_f32(k.in[0].data, k.out2.data, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
  golden_crop(k.in[0].data, k.want, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
  char what[160];
  snprintf(what, sizeof what, "c %ld+%ld+%ld h %ld+%ld+%ld w %ld+%ld+%ld elempack=%ld%s", s[0],
           s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], specials ? " +specials" : "");
  case_end(&k, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, extra;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&extra, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  static const int order[10] = {SPEC_SIZE_COFF, SPEC_SIZE_OUTC,  SPEC_SIZE_CREST,
                                SPEC_SIZE_HOFF, SPEC_SIZE_OUTH,  SPEC_SIZE_HREST,
                                SPEC_SIZE_WOFF, SPEC_SIZE_OUTW,  SPEC_SIZE_WREST,
                                SPEC_SIZE_ELEMPACK};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long sh[10];
    for (int i = 0; i < 10; ++i) {
      sh[i] = spec_shapes[s][order[i]];
    }
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh, specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 100; ++s) {
    long p = s % 2 ? 8 : 1, sh[10];
    for (int i = 0; i < 9; ++i) {
      long r = (long)(rng_next(&rng) % (i == 7 ? 70 : 4));
      sh[i] = (i == 4 || i == 7 ? 1 : 0) + r * (i < 3 ? p : 1);
    }
    sh[9] = p;
    run_shape(&extra, &rng, sh, s % 3 == 0);
  }
  stats_print(&extra, "random crops (both layouts)");
  return shapes.failures || extra.failures ? 1 : 0;
}
