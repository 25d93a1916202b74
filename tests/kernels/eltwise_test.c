/* ker0 of kernels/nn/eltwise against its golden: every test shape of the spec with and
 * without the special values, then random sizes for every op and input count. */
#include <stdio.h>
#include <stdlib.h>

#include "eltwise_spec.h"
#include "golden.h"
#include "tensor_case.h"

void eok_eltwise_f32(const float* a, const float* b, const float* c, const float* coeffs,
                     float* y, long n, long k, long op, long use_coeff);

static void run_shape(Stats* st, Rng* rng, long n, long k, long op, long use, int specials)
{
  long lens[4] = {n, n, n, 3};
  Case t;
  case_begin(&t, 4, lens, n);
  int ns = specials ? SPEC_A_NUM_SPECIALS : 0;
  case_fill(&t, rng, 0, SPEC_A_LO, SPEC_A_HI, spec_a_specials, ns);
  case_fill(&t, rng, 1, SPEC_B_LO, SPEC_B_HI, spec_b_specials, ns);
  case_fill(&t, rng, 2, SPEC_C_LO, SPEC_C_HI, spec_c_specials, ns);
  case_fill(&t, rng, 3, SPEC_COEFFS_LO, SPEC_COEFFS_HI, NULL, 0);
  case_save(&t);
  float** in = (float*[]){t.in[0].data, t.in[1].data, t.in[2].data, t.in[3].data};
  eok_eltwise_f32(in[0], in[1], in[2], in[3], t.out.data, n, k, op, use);
  eok_eltwise_f32(in[0], in[1], in[2], in[3], t.out2.data, n, k, op, use);
  golden_eltwise(in[0], in[1], in[2], in[3], t.want, n, k, op, use);
  char what[96];
  snprintf(what, sizeof what, "n=%ld k=%ld op=%ld use_coeff=%ld%s", n, k, op, use,
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
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_N], sh[SPEC_SIZE_K], sh[SPEC_SIZE_OP],
                sh[SPEC_SIZE_USE_COEFF], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 160; ++s) {
    long op = s % 3, k = 2 + (s / 3) % 2, use = op == 1 ? (s / 6) % 2 : 0;
    run_shape(&extra, &rng, (long)(rng_next(&rng) % 300), k, op, use, s % 5 == 0);
  }
  stats_print(&extra, "random sizes 0-299, every op and input count");
  return shapes.failures || extra.failures ? 1 : 0;
}
