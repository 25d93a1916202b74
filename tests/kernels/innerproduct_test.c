/* ker0 of kernels/nn/innerproduct against its golden: every test shape of the spec with and
 * without the special values in x, then random small shapes for block and split-K tails. */
#include <stdio.h>
#include <stdlib.h>

#include "golden_compute.h"
#include "innerproduct_spec.h"
#include "tensor_case.h"

void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout);

static void run_shape(Stats* st, Rng* rng, long nin, long nout, int specials)
{
  long lens[3] = {nin, nout * nin, nout};
  Case k;
  case_begin(&k, 3, lens, nout);
  case_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_fill(&k, rng, 1, SPEC_W_LO, SPEC_W_HI, NULL, 0);
  case_fill(&k, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  case_save(&k);
  eok_innerproduct_f32(k.in[0].data, k.in[1].data, k.in[2].data, k.out.data, nin, nout);
  eok_innerproduct_f32(k.in[0].data, k.in[1].data, k.in[2].data, k.out2.data, nin, nout);
  golden_innerproduct(k.in[0].data, k.in[1].data, k.in[2].data, k.want, nin, nout);
  char what[96];
  snprintf(what, sizeof what, "nin=%ld nout=%ld%s", nin, nout, specials ? " +specials" : "");
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_NIN], sh[SPEC_SIZE_NOUT], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 60; ++s) {
    long nin = (long)(rng_next(&rng) % 70);
    long nout = (long)(rng_next(&rng) % 70);
    run_shape(&extra, &rng, nin, nout, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (nin 0-69, nout 0-69)");
  return shapes.failures || extra.failures ? 1 : 0;
}
