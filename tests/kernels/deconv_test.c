/* ker0 of kernels/nn/deconv against its golden: every test shape of the spec with and without
 * the special values in x, then random configurations. */
#include <stdio.h>
#include <stdlib.h>

#include "deconv_spec.h"
#include "golden_compute.h"
#include "tensor_case.h"

void eok_deconv_f32(const float* x, const float* wt, const float* bias, float* y, long c, long h, long w, long ocg, long ks, long s, long d,
                    long p);

/* z: c h w ocg ks s d p */
static void run_shape(Stats* st, Rng* rng, const long* z, int specials)
{
  long c = z[0], h = z[1], w = z[2], ocg = z[3], ks = z[4], s = z[5], d = z[6], p = z[7];
  long outh = (h - 1) * s + d * (ks - 1) + 1 - 2 * p, outw = (w - 1) * s + d * (ks - 1) + 1 - 2 * p;
  long lens[3] = {c * h * w, ocg * 8 * c * ks * ks, ocg * 8};
  Case t;
  case_begin(&t, 3, lens, ocg * 8 * outh * outw);
  case_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  case_fill(&t, rng, 1, SPEC_WT_LO, SPEC_WT_HI, NULL, 0);
  case_fill(&t, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  case_save(&t);
  eok_deconv_f32(t.in[0].data, t.in[1].data, t.in[2].data, t.out.data, c, h, w, ocg, ks, s, d, p);
  eok_deconv_f32(t.in[0].data, t.in[1].data, t.in[2].data, t.out2.data, c, h, w, ocg, ks, s, d, p);
  golden_deconv(t.in[0].data, t.in[1].data, t.in[2].data, t.want, c, h, w, ocg, ks, s, d, p);
  char what[128];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld ocg=%ld ks=%ld s=%ld d=%ld p=%ld%s", c, h, w, ocg, ks, s, d, p,
           specials ? " +specials" : "");
  case_end(&t, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, extra;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&extra, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  for (int i = 0; i < SPEC_NUM_SHAPES; ++i) {
    const long* sh = spec_shapes[i];
    long z[8] = {sh[SPEC_SIZE_C],  sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], sh[SPEC_SIZE_OCG],
                 sh[SPEC_SIZE_KS], sh[SPEC_SIZE_S], sh[SPEC_SIZE_D], sh[SPEC_SIZE_P]};
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, z, specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int i = 0; i < 30; ++i) {
    long ks = 1 + (long)(rng_next(&rng) % 4), s = 1 + (long)(rng_next(&rng) % 3);
    long d = 1 + (long)(rng_next(&rng) % 2), ext = d * (ks - 1) + 1;
    long pmax = (ext + 1) / 2; /* keeps the cropped output non-empty */
    long z[8] = {1 + (long)(rng_next(&rng) % 10),
                 1 + (long)(rng_next(&rng) % 5),
                 1 + (long)(rng_next(&rng) % 10),
                 1,
                 ks,
                 s,
                 d,
                 (long)(rng_next(&rng) % (unsigned long)pmax)};
    run_shape(&extra, &rng, z, i % 3 == 0);
  }
  stats_print(&extra, "random configurations (c 1-10, ks 1-4, s 1-3, d 1-2, crop < extent/2)");
  return shapes.failures || extra.failures ? 1 : 0;
}
