/* ker0 of kernels/nn/interp_f16 against its double golden (half_case.h, tolerance in fp16
 * ulps): every test shape of the spec with and without the special values, then random
 * sizes in every mode, with and without align_corner. */
#include <stdio.h>
#include <stdlib.h>

#include "interp_f16_spec.h" /* before half_case.h, which reads its SPEC_* macros */

#include "half_case.h"

void eok_interp_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long outh, long outw, long mode, long ac);
void golden_interp_f16(const float* x, double* y, long cg, long h, long w, long outh, long outw, long mode, long ac);

static void run_shape(HStats* st, Rng* rng, long cg, long h, long w, long outh, long outw, long mode, long ac, int specials)
{
  long n = cg * 16 * h * w;
  const int half[1] = {1};
  HCase t;
  hcase_begin(&t, 1, &n, half, cg * 16 * outh * outw);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_save(&t);
  eok_interp_f16(t.in[0].data, t.out.data, cg, h, w, outh, outw, mode, ac);
  eok_interp_f16(t.in[0].data, t.out2.data, cg, h, w, outh, outw, mode, ac);
  golden_interp_f16(t.f[0], t.want, cg, h, w, outh, outw, mode, ac);
  char what[128];
  snprintf(what, sizeof what, "cg=%ld h=%ld w=%ld outh=%ld outw=%ld mode=%ld ac=%ld%s", cg, h, w, outh, outw, mode, ac,
           specials ? " +specials" : "");
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_CG], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], sh[SPEC_SIZE_OUTH], sh[SPEC_SIZE_OUTW],
                sh[SPEC_SIZE_MODE], sh[SPEC_SIZE_AC], specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int s = 0; s < 48; ++s) {
    /* align_corner needs outputs of 2 or more (scale (in-1)/(out-1)) */
    long mode = 1 + s % 3, ac = s / 3 % 2, min = mode == 1 ? 1 : mode == 2 ? 2 : 4, omin = 1 + ac;
    run_shape(&extra, &rng, 1, min + (long)(rng_next(&rng) % 10), min + (long)(rng_next(&rng) % 10), omin + (long)(rng_next(&rng) % 20),
              omin + (long)(rng_next(&rng) % 20), mode, ac, s % 4 == 0);
  }
  hstats_print(&extra, "random sizes (every mode, up and down, align_corner 0 and 1)");
  return shapes.failures || extra.failures ? 1 : 0;
}
