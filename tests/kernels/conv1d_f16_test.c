/* ker0 of kernels/nn/conv1d_f16 against its double golden (half_case.h): every test shape of
 * the spec with and without the special values in x, then random configurations (kernel 1-5, stride 1-3, dilation
 * 1-2) and sizes. */
#include <stdio.h>
#include <stdlib.h>

#include "conv1d_f16_spec.h"
#include "half_case.h"

void eok_conv1d_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c,
                    long w, long ocg, long ks, long s, long d);
void golden_conv1d_f16(const float* x, const float* wt, const float* bias, double* y, long c, long w,
                       long ocg, long ks, long s, long d);

static void run_shape(HStats* st, Rng* rng, const long* z, int specials)
{
  long c = z[0], w = z[1], ocg = z[2], ks = z[3], s = z[4], d = z[5];
  long outw = (w - d * (ks - 1) - 1) / s + 1;
  long lens[3] = {c * w, ocg * 16 * c * ks, ocg * 16};
  const int half[3] = {1, 1, 0};
  HCase t;
  hcase_begin(&t, 3, lens, half, ocg * 16 * outw);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_fill(&t, rng, 1, SPEC_WT_LO, SPEC_WT_HI, NULL, 0);
  hcase_fill(&t, rng, 2, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  hcase_save(&t);
  eok_conv1d_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out.data, c, w, ocg, ks, s, d);
  eok_conv1d_f16(t.in[0].data, t.in[1].data, t.in[2].data, t.out2.data, c, w, ocg, ks, s, d);
  golden_conv1d_f16(t.f[0], t.f[1], t.f[2], t.want, c, w, ocg, ks, s, d);
  char what[128];
  snprintf(what, sizeof what, "c=%ld w=%ld ocg=%ld ks=%ld s=%ld d=%ld%s", c, w, ocg, ks, s, d, specials ? " +specials" : "");
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
    long z[6] = {sh[SPEC_SIZE_C], sh[SPEC_SIZE_W], sh[SPEC_SIZE_OCG], sh[SPEC_SIZE_KS], sh[SPEC_SIZE_S], sh[SPEC_SIZE_D]};
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, z, specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int i = 0; i < 40; ++i) {
    long ks = 1 + (long)(rng_next(&rng) % 5), s = 1 + (long)(rng_next(&rng) % 3);
    long d = 1 + (long)(rng_next(&rng) % 2), ext = d * (ks - 1) + 1;
    long z[6] = {1 + (long)(rng_next(&rng) % 12), ext + (long)(rng_next(&rng) % 30), 1 + (long)(rng_next(&rng) % 2), ks, s, d};
    run_shape(&extra, &rng, z, i % 3 == 0);
  }
  hstats_print(&extra, "random configurations (ks 1-5, s 1-3, d 1-2)");
  return shapes.failures || extra.failures ? 1 : 0;
}
