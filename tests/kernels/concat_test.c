/* ker0 of kernels/nn/concat against its golden: every test shape of the spec with and
 * without the special values, then random shapes for every axis, input count and pack. */
#include <stdio.h>
#include <stdlib.h>

#include "concat_spec.h"
#include "tensor_case.h"

void eok_concat_f32(const float* a, const float* b, const float* c, float* y, long k, long axis,
                    long ch, long h, long w, long pack, long ea, long eb, long ec, long an,
                    long bn, long cn);
void golden_concat(const float* a, const float* b, const float* c, double* y, long k, long axis,
                   long ch, long h, long w, long pack, long ea, long eb, long ec);

/* Elements of an input with extent e along the axis. */
static long count(long axis, long ch, long h, long w, long e)
{
  return axis == 0 ? e * h * w : axis == 1 ? ch * e * w : ch * h * e;
}

static void run_shape(Stats* st, Rng* rng, long k, long axis, long ch, long h, long w, long pack,
                      const long* e, int specials)
{
  long lens[3];
  for (int i = 0; i < 3; ++i) {
    lens[i] = count(axis, ch, h, w, e[i]);
  }
  Case t;
  case_begin(&t, 3, lens, lens[0] + lens[1] + lens[2]);
  case_fill(&t, rng, 0, SPEC_A_LO, SPEC_A_HI, spec_a_specials, specials ? SPEC_A_NUM_SPECIALS : 0);
  case_fill(&t, rng, 1, SPEC_B_LO, SPEC_B_HI, spec_b_specials, specials ? SPEC_B_NUM_SPECIALS : 0);
  case_fill(&t, rng, 2, SPEC_C_LO, SPEC_C_HI, spec_c_specials, specials ? SPEC_C_NUM_SPECIALS : 0);
  case_save(&t);
  float* in[3] = {t.in[0].data, t.in[1].data, t.in[2].data};
  eok_concat_f32(in[0], in[1], in[2], t.out.data, k, axis, ch, h, w, pack, e[0], e[1], e[2],
                 lens[0], lens[1], lens[2]);
  eok_concat_f32(in[0], in[1], in[2], t.out2.data, k, axis, ch, h, w, pack, e[0], e[1], e[2],
                 lens[0], lens[1], lens[2]);
  golden_concat(in[0], in[1], in[2], t.want, k, axis, ch, h, w, pack, e[0], e[1], e[2]);
  char what[160];
  snprintf(what, sizeof what, "k=%ld axis=%ld ch=%ld h=%ld w=%ld pack=%ld e=%ld,%ld,%ld%s", k,
           axis, ch, h, w, pack, e[0], e[1], e[2], specials ? " +specials" : "");
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
    long axis = sh[SPEC_SIZE_AXIS], ch = sh[SPEC_SIZE_CH], h = sh[SPEC_SIZE_H], w = sh[SPEC_SIZE_W];
    long e[3] = {sh[SPEC_SIZE_EA], sh[SPEC_SIZE_EB], sh[SPEC_SIZE_EC]};
    if (sh[SPEC_SIZE_AN] != count(axis, ch, h, w, e[0]) || sh[SPEC_SIZE_BN] != count(axis, ch, h, w, e[1]) ||
        sh[SPEC_SIZE_CN] != count(axis, ch, h, w, e[2]) || (sh[SPEC_SIZE_K] == 2 && e[2] != 0)) {
      printf("FAIL shape %d: an/bn/cn do not match the extents\n", s);
      shapes.failures++;
      continue;
    }
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_K], axis, ch, h, w, sh[SPEC_SIZE_PACK], e, specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 120; ++s) {
    long axis = s % 3, k = 2 + (s / 3) % 2, pack = (s / 6) % 2 ? 8 : 1;
    long h = 1 + (long)(rng_next(&rng) % 9), w = 1 + (long)(rng_next(&rng) % 13);
    long ch = pack * (1 + (long)(rng_next(&rng) % 3));
    long e[3] = {0, 0, 0};
    for (long i = 0; i < k; ++i) {
      e[i] = (long)(rng_next(&rng) % 12);
      if (axis == 0 && pack == 8) {
        e[i] = 8 * (e[i] % 3);
      }
    }
    run_shape(&extra, &rng, k, axis, axis == 0 ? 0 : ch, h, w, pack, e, s % 4 == 0);
  }
  stats_print(&extra, "random shapes, every axis, input count and pack");
  return shapes.failures || extra.failures ? 1 : 0;
}
