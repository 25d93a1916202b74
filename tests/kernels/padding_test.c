/* ker0 of kernels/nn/padding against its golden: every test shape of the spec with and
 * without the special values, then random paddings of every type. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "golden.h"
#include "padding_spec.h"
#include "tensor_case.h"

void eok_padding_f32(const float* x, float* y, long c, long h, long w, long top, long bottom,
                     long left, long right, long type, float value);

/* s: c h w top bottom left right type */
static void run_shape(Stats* st, Rng* rng, const long* s, int specials)
{
  long nx = s[0] * s[1] * s[2], ny = s[0] * (s[1] + s[3] + s[4]) * (s[2] + s[5] + s[6]);
  Case k;
  case_begin(&k, 1, &nx, ny);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_save(&k);
  float v = (float)SPEC_PARAM_VALUE;
  eok_padding_f32(k.in[0].data, k.out.data, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], v);
  eok_padding_f32(k.in[0].data, k.out2.data, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], v);
  golden_padding(k.in[0].data, k.want, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], v);
  char what[128];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld pad %ld,%ld,%ld,%ld type=%ld%s", s[0], s[1],
           s[2], s[3], s[4], s[5], s[6], s[7], specials ? " +specials" : "");
  case_end(&k, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, extra;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&extra, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  static const int order[8] = {SPEC_SIZE_C,      SPEC_SIZE_H,    SPEC_SIZE_W,     SPEC_SIZE_TOP,
                               SPEC_SIZE_BOTTOM, SPEC_SIZE_LEFT, SPEC_SIZE_RIGHT, SPEC_SIZE_TYPE};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long sh[8];
    for (int i = 0; i < 8; ++i) {
      sh[i] = spec_shapes[s][order[i]];
    }
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh, specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 120; ++s) {
    long sh[8];
    sh[0] = 8 * (1 + (long)(rng_next(&rng) % 2));
    sh[1] = 1 + (long)(rng_next(&rng) % 9);
    sh[2] = 1 + (long)(rng_next(&rng) % 12);
    sh[7] = s % 3;
    for (int i = 3; i < 7; ++i) {
      long n = i < 5 ? sh[1] : sh[2];
      sh[i] = (long)(rng_next(&rng) % (uint64_t)(sh[7] == 2 ? n : 5)); /* reflect: pad < n */
    }
    run_shape(&extra, &rng, sh, s % 4 == 0);
  }
  stats_print(&extra, "random paddings (every type)");
  return shapes.failures || extra.failures ? 1 : 0;
}
