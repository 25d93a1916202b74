/* ker0 of kernels/nn/packing against its golden: every test shape of the spec with and
 * without the special values, then random shapes for all six conversions. */
#include <stdio.h>
#include <stdlib.h>

#include "packing_spec.h"
#include "golden.h"
#include "tensor_case.h"

void eok_packing_f32(const float* x, float* y, long c, long h, long w, long in_pack, long out_pack);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, long ip, long op, int specials)
{
  long n = c * h * w;
  Case k;
  case_begin(&k, 1, &n, n);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_save(&k);
  eok_packing_f32(k.in[0].data, k.out.data, c, h, w, ip, op);
  eok_packing_f32(k.in[0].data, k.out2.data, c, h, w, ip, op);
  golden_packing(k.in[0].data, k.want, c, h, w, ip, op);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld pack %ld->%ld%s", c, h, w, ip, op,
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
                sh[SPEC_SIZE_IN_PACK],
                sh[SPEC_SIZE_OUT_PACK], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 100; ++s) {
    static const long pairs[6][2] = {{1, 4}, {4, 1}, {1, 8}, {8, 1}, {4, 8}, {8, 4}};
    long ip = pairs[s % 6][0], op = pairs[s % 6][1];
    long c = 8 * (1 + (long)(rng_next(&rng) % 3));
    long h = 1 + (long)(rng_next(&rng) % 9);
    long w = 1 + (long)(rng_next(&rng) % 40);
    run_shape(&extra, &rng, c, h, w, ip, op, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c 8-24, h 1-9, w 1-40, all six conversions)");
  return shapes.failures || extra.failures ? 1 : 0;
}
