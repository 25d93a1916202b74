/* ker0 of kernels/nn/deconv_f16 against its double golden (half_case.h, tolerance in fp16
 * ulps): every test shape of the spec with and without the special values in x, then random
 * configurations with output padding. */
#include <stdio.h>
#include <stdlib.h>

#include "deconv_f16_spec.h"
#include "half_case.h"

void eok_deconv_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c, long h, long w, long ocg, long ks,
                    long s, long d, long p, long op);
void golden_deconv_f16(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long ocg, long ks, long s,
                       long d, long p, long op);

/* z: c h w ocg ks s d p op */
static void run_shape(HStats* st, Rng* rng, const long* z, int specials)
{
  long c = z[0], h = z[1], w = z[2], ocg = z[3], ks = z[4], s = z[5], d = z[6], p = z[7], op = z[8];
  long ext = d * (ks - 1) + 1;
  long outh = (h - 1) * s + ext + op - 2 * p, outw = (w - 1) * s + ext + op - 2 * p;
  long lens[3] = {c * h * w, ocg * 16 * c * ks * ks, ocg * 16};
  const int half[3] = {1, 1, 0};
  HCase t;
  hcase_begin(&t, 3, lens, half, ocg * 16 * outh * outw);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_fill(&t, rng, 1, SPEC_WT_LO, SPEC_WT_HI, NULL, 0);
  hcase_fill(&t, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  hcase_save(&t);
  eok_deconv_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out.data, c, h, w, ocg, ks, s, d, p, op);
  eok_deconv_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out2.data, c, h, w, ocg, ks, s, d, p, op);
  golden_deconv_f16(t.f[0], t.f[1], t.f[2], t.want, c, h, w, ocg, ks, s, d, p, op);
  char what[128];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld ocg=%ld ks=%ld s=%ld d=%ld p=%ld op=%ld%s", c, h, w, ocg, ks, s, d, p, op,
           specials ? " +specials" : "");
  hcase_end(&t, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes, extra;
  hstats_init(&shapes);
  hstats_init(&extra);
  for (int i = 0; i < SPEC_NUM_SHAPES; ++i) {
    const long* sh = spec_shapes[i];
    long z[9] = {sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], sh[SPEC_SIZE_OCG], sh[SPEC_SIZE_KS],
                 sh[SPEC_SIZE_S], sh[SPEC_SIZE_D], sh[SPEC_SIZE_P], sh[SPEC_SIZE_OP]};
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, z, specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int i = 0; i < 30; ++i) {
    long ks = 1 + (long)(rng_next(&rng) % 4), s = 1 + (long)(rng_next(&rng) % 3);
    long d = 1 + (long)(rng_next(&rng) % 2), ext = d * (ks - 1) + 1;
    long pmax = (ext + 1) / 2; /* keeps the cropped output non-empty */
    long z[9] = {1 + (long)(rng_next(&rng) % 10),
                 1 + (long)(rng_next(&rng) % 5),
                 1 + (long)(rng_next(&rng) % 10),
                 1,
                 ks,
                 s,
                 d,
                 (long)(rng_next(&rng) % (unsigned long)pmax),
                 (long)(rng_next(&rng) % (unsigned long)s)}; /* output padding below the stride */
    run_shape(&extra, &rng, z, i % 3 == 0);
  }
  hstats_print(&extra, "random configurations (c 1-10, ks 1-4, s 1-3, d 1-2, crop < extent/2, op < s)");
  return shapes.failures || extra.failures ? 1 : 0;
}
