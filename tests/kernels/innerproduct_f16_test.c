/* ker0 of kernels/nn/innerproduct_f16 against its double golden: every test shape of the
 * spec with and without the special values in x, then random small shapes for block and
 * split-K tails; tolerance in fp16 ulps (half_case.h). */
#include <stdio.h>
#include <stdlib.h>

#include "innerproduct_f16_spec.h"
#include "half_case.h"

void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout);
void golden_innerproduct_f16(const float* x, const float* w, const float* bias, double* y, long nin,
                             long nout);

static void run_shape(HStats* st, Rng* rng, long nin, long nout, int specials)
{
  const long lens[3] = {nin, nout * nin, nout};
  const int half[3] = {1, 1, 0};
  HCase k;
  hcase_begin(&k, 3, lens, half, nout);
  hcase_fill(&k, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_fill(&k, rng, 1, SPEC_W_LO, SPEC_W_HI, NULL, 0);
  hcase_fill(&k, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  hcase_save(&k);
  eok_innerproduct_f16(k.in[0].data, k.in[1].data, k.in[2].data, k.out.data, nin, nout);
  eok_innerproduct_f16(k.in[0].data, k.in[1].data, k.in[2].data, k.out2.data, nin, nout);
  golden_innerproduct_f16(k.f[0], k.f[1], k.f[2], k.want, nin, nout);
  char what[96];
  snprintf(what, sizeof what, "nin=%ld nout=%ld%s", nin, nout, specials ? " +specials" : "");
  hcase_end(&k, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes, extra;
  hstats_init(&shapes);
  hstats_init(&extra);
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_NIN], sh[SPEC_SIZE_NOUT], specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int s = 0; s < 60; ++s) {
    long nin = (long)(rng_next(&rng) % 70);
    long nout = (long)(rng_next(&rng) % 80);
    run_shape(&extra, &rng, nin, nout, s % 3 == 0);
  }
  hstats_print(&extra, "random shapes (nin 0-69, nout 0-79)");
  return shapes.failures || extra.failures ? 1 : 0;
}
