/* ker0 of kernels/nn/gru_f16 against the fp32 task's double golden on the same values
 * (half_case.h: fp16 x, fp32 weights, tolerance in fp16 ulps): every test shape of the spec
 * with and without the special values in x, then random lengths, sizes and directions. */
#include <stdio.h>
#include <stdlib.h>

#include "golden_compute.h"
#include "gru_f16_spec.h"
#include "half_case.h"

void eok_gru_f16(const _Float16* x, const float* wxc, const float* bias, const float* whc, _Float16* y, long t_len, long size, long nout,
                 long dir);

static void run_shape(HStats* st, Rng* rng, long t_len, long size, long nout, long dir, int specials)
{
  long nd = dir / 2 + 1;
  long lens[4] = {t_len * size, nd * 3 * nout * size, nd * 4 * nout, nd * 3 * nout * nout};
  const int half[4] = {1, 0, 0, 0};
  HCase t;
  hcase_begin(&t, 4, lens, half, t_len * nd * nout);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_fill(&t, rng, 1, SPEC_WXC_LO, SPEC_WXC_HI, NULL, 0);
  hcase_fill(&t, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  hcase_fill(&t, rng, 3, SPEC_WHC_LO, SPEC_WHC_HI, NULL, 0);
  hcase_save(&t);
  eok_gru_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.in[3].data, t.out.data, t_len, size, nout, dir);
  eok_gru_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.in[3].data, t.out2.data, t_len, size, nout, dir);
  golden_gru(t.f[0], t.f[1], t.f[2], t.f[3], t.want, t_len, size, nout, dir);
  char what[128];
  snprintf(what, sizeof what, "t_len=%ld size=%ld nout=%ld dir=%ld%s", t_len, size, nout, dir, specials ? " +specials" : "");
  hcase_end(&t, st, what);
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_T_LEN], sh[SPEC_SIZE_SIZE], sh[SPEC_SIZE_NOUT], sh[SPEC_SIZE_DIR], specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int s = 0; s < 30; ++s) {
    run_shape(&extra, &rng, (long)(rng_next(&rng) % 6), 1 + (long)(rng_next(&rng) % 40), 1 + (long)(rng_next(&rng) % 20), s % 3,
              s % 4 == 0);
  }
  hstats_print(&extra, "random shapes (T 0-5, size 1-40, nout 1-20, every direction)");
  return shapes.failures || extra.failures ? 1 : 0;
}
