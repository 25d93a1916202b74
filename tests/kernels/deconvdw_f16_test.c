/* ker0 of kernels/nn/deconvdw_f16 against its double golden (half_case.h): every test shape of the spec with and
 * without the special values in x, then random configurations. */
#include <stdio.h>
#include <stdlib.h>

#include "deconvdw_f16_spec.h"
#include "half_case.h"

void eok_deconvdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                      long h, long w, long ks, long s, long d, long p);
void golden_deconvdw_f16(const float* x, const float* k, const float* bias, double* y, long cg, long h,
                         long w, long ks, long s, long d, long p);

/* z: cg h w ks s d p */
static void run_shape(HStats* st, Rng* rng, const long* z, int specials)
{
  long cg = z[0], h = z[1], w = z[2], ks = z[3], s = z[4], d = z[5], p = z[6];
  long outh = (h - 1) * s + d * (ks - 1) + 1 - 2 * p, outw = (w - 1) * s + d * (ks - 1) + 1 - 2 * p;
  long lens[3] = {cg * 16 * h * w, cg * 16 * ks * ks, cg * 16};
  const int half[3] = {1, 1, 1};
  HCase t;
  hcase_begin(&t, 3, lens, half, cg * 16 * outh * outw);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_fill(&t, rng, 1, SPEC_K_LO, SPEC_K_HI, NULL, 0);
  hcase_fill(&t, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  hcase_save(&t);
  eok_deconvdw_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out.data, cg, h, w, ks, s, d, p);
  eok_deconvdw_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out2.data, cg, h, w, ks, s, d, p);
  golden_deconvdw_f16(t.f[0], t.f[1], t.f[2], t.want, cg, h, w, ks, s, d, p);
  char what[128];
  snprintf(what, sizeof what, "cg=%ld h=%ld w=%ld ks=%ld s=%ld d=%ld p=%ld%s", cg, h, w, ks, s, d, p, specials ? " +specials" : "");
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
    long z[7] = {sh[SPEC_SIZE_CG], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], sh[SPEC_SIZE_KS], sh[SPEC_SIZE_S], sh[SPEC_SIZE_D], sh[SPEC_SIZE_P]};
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, z, specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int i = 0; i < 40; ++i) {
    long ks = 1 + (long)(rng_next(&rng) % 5), s = 1 + (long)(rng_next(&rng) % 3);
    long d = 1 + (long)(rng_next(&rng) % 2), ext = d * (ks - 1) + 1;
    long pmax = (ext + 1) / 2; /* keeps the cropped output non-empty */
    long z[7] = {
        1, 1 + (long)(rng_next(&rng) % 6), 1 + (long)(rng_next(&rng) % 12), ks, s, d, (long)(rng_next(&rng) % (unsigned long)pmax)};
    run_shape(&extra, &rng, z, i % 3 == 0);
  }
  hstats_print(&extra, "random configurations (ks 1-5, s 1-3, d 1-2, crop < extent/2)");
  return shapes.failures || extra.failures ? 1 : 0;
}
