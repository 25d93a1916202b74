/* ker0 of kernels/nn/binaryop against its golden: every test shape of the spec with and
 * without the special values, then random shapes for every op, form and pack. */
#include <stdio.h>
#include <stdlib.h>

#include "binaryop_spec.h"
#include "tensor_case.h"

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long hw, long pack,
                      long form, long op, long an, long bn);
void golden_binaryop(const float* a, const float* b, double* y, long c, long hw, long pack,
                     long form, long op);

static void run_shape(Stats* st, Rng* rng, long c, long hw, long pack, long form, long op,
                      int specials)
{
  long n = c * hw * pack;
  long an = form == 3 ? c * pack : n;
  long bn = form == 1 ? 1 : form == 2 ? c * pack : n;
  long lens[2] = {an, bn};
  Case t;
  case_begin(&t, 2, lens, n);
  case_fill(&t, rng, 0, SPEC_A_LO, SPEC_A_HI, spec_a_specials, specials ? SPEC_A_NUM_SPECIALS : 0);
  case_fill(&t, rng, 1, SPEC_B_LO, SPEC_B_HI, spec_b_specials, specials ? SPEC_B_NUM_SPECIALS : 0);
  case_save(&t);
  const float* a = t.in[0].data;
  const float* b = t.in[1].data;
  eok_binaryop_f32(a, b, t.out.data, c, hw, pack, form, op, an, bn);
  eok_binaryop_f32(a, b, t.out2.data, c, hw, pack, form, op, an, bn);
  golden_binaryop(a, b, t.want, c, hw, pack, form, op);
  char what[128];
  snprintf(what, sizeof what, "c=%ld hw=%ld pack=%ld form=%ld op=%ld%s", c, hw, pack, form, op,
           specials ? " +specials" : "");
  case_end(&t, st, what);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, extra;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&extra, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    long n = sh[SPEC_SIZE_C] * sh[SPEC_SIZE_HW] * sh[SPEC_SIZE_PACK];
    long form = sh[SPEC_SIZE_FORM];
    if (sh[SPEC_SIZE_AN] != (form == 3 ? sh[SPEC_SIZE_C] * sh[SPEC_SIZE_PACK] : n) ||
        sh[SPEC_SIZE_BN] != (form == 1 ? 1 : form == 2 ? sh[SPEC_SIZE_C] * sh[SPEC_SIZE_PACK] : n)) {
      printf("FAIL shape %d: an/bn do not match form %ld\n", s, form);
      shapes.failures++;
      continue;
    }
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_HW], sh[SPEC_SIZE_PACK], form,
                sh[SPEC_SIZE_OP], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  static const long ops[] = {0, 1, 2, 3, 4, 5, 7, 8};
  for (int s = 0; s < 256; ++s) {
    long op = ops[s % 8], form = (s / 8) % 4, pack = (s / 32) % 2 ? 8 : 1;
    long c = 1 + (long)(rng_next(&rng) % 6), hw = (long)(rng_next(&rng) % 70);
    run_shape(&extra, &rng, c, hw, pack, form, op, s % 3 == 0);
  }
  stats_print(&extra, "random shapes, every op, form and pack");
  return shapes.failures || extra.failures ? 1 : 0;
}
