/* ker0 of kernels/nn/pooling_f16 against its double golden (half_case.h): every test shape of the spec with and without
 * the special values, then random windows, strides, paddings and both ops. */
#include <stdio.h>
#include <stdlib.h>

#include "pooling_f16_spec.h"
#include "half_case.h"

void eok_pooling_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long op, long kh, long kw, long s, long pt, long pb, long cip);
void golden_pooling_f16(const float* x, double* y, long cg, long h, long w, long op, long kh, long kw,
                        long s, long pt, long pb, long cip);

/* z: cg h w op kh kw s pt pb cip */
static void run_shape(HStats* st, Rng* rng, const long* z, int specials)
{
  long outh = (z[1] + z[7] + z[8] - z[4]) / z[6] + 1, outw = (z[2] + z[7] + z[8] - z[5]) / z[6] + 1;
  long n = z[0] * 16 * z[1] * z[2];
  const int half = 1;
  HCase t;
  hcase_begin(&t, 1, &n, &half, z[0] * 16 * outh * outw);
  hcase_fill(&t, rng, 0, SPEC_X_LO, SPEC_X_HI, spec_x_specials, specials ? SPEC_X_NUM_SPECIALS : 0);
  hcase_save(&t);
  eok_pooling_f16(t.in[0].data, t.out.data, z[0], z[1], z[2], z[3], z[4], z[5], z[6], z[7], z[8], z[9]);
  eok_pooling_f16(t.in[0].data, t.out2.data, z[0], z[1], z[2], z[3], z[4], z[5], z[6], z[7], z[8], z[9]);
  golden_pooling_f16(t.f[0], t.want, z[0], z[1], z[2], z[3], z[4], z[5], z[6], z[7], z[8], z[9]);
  char what[160];
  snprintf(what, sizeof what, "cg=%ld h=%ld w=%ld op=%ld kh=%ld kw=%ld s=%ld pt=%ld pb=%ld cip=%ld%s", z[0], z[1], z[2], z[3], z[4], z[5],
           z[6], z[7], z[8], z[9], specials ? " +specials" : "");
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
    long z[10] = {sh[SPEC_SIZE_CG], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W],  sh[SPEC_SIZE_OP], sh[SPEC_SIZE_KH],
                  sh[SPEC_SIZE_KW], sh[SPEC_SIZE_S], sh[SPEC_SIZE_PT], sh[SPEC_SIZE_PB], sh[SPEC_SIZE_CIP]};
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, z, specials);
    }
  }
  hstats_print(&shapes, "test shapes");
  for (int i = 0; i < 60; ++i) {
    long kh = 1 + (long)(rng_next(&rng) % 4), kw = 1 + (long)(rng_next(&rng) % 4);
    long kmin = kh < kw ? kh : kw;
    long pt = (long)(rng_next(&rng) % (unsigned long)kmin), pb = (long)(rng_next(&rng) % (unsigned long)kmin);
    long z[10] = {1,  kh + (long)(rng_next(&rng) % 9), kw + (long)(rng_next(&rng) % 15), i % 2, kh, kw, 1 + (long)(rng_next(&rng) % 3), pt,
                  pb, (long)(rng_next(&rng) % 2)};
    run_shape(&extra, &rng, z, i % 3 == 0);
  }
  hstats_print(&extra, "random windows (1-4 x 1-4, stride 1-3, padding < window)");
  return shapes.failures || extra.failures ? 1 : 0;
}
