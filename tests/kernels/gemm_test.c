/* ker0 of kernels/nn/gemm against its golden: every test shape of the spec with and without
 * the special values in a, then random shapes for row, column and K-slice tails. */
#include <stdio.h>
#include <stdlib.h>

#include "gemm_spec.h"
#include "golden_compute.h"
#include "tensor_case.h"

void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k);

static void run_shape(Stats* st, Rng* rng, long m, long n, long k, int specials)
{
  long lens[3] = {m * k, k * n, m};
  Case t;
  case_begin(&t, 3, lens, m * n);
  case_fill(&t, rng, 0, SPEC_A_LO, SPEC_A_HI, spec_a_specials, specials ? SPEC_A_NUM_SPECIALS : 0);
  case_fill(&t, rng, 1, SPEC_B_LO, SPEC_B_HI, NULL, 0);
  case_fill(&t, rng, 2, SPEC_C_LO, SPEC_C_HI, NULL, 0);
  case_save(&t);
  eok_gemm_f32(t.in[0].data, t.in[1].data, t.in[2].data, t.out.data, m, n, k);
  eok_gemm_f32(t.in[0].data, t.in[1].data, t.in[2].data, t.out2.data, m, n, k);
  golden_gemm(t.in[0].data, t.in[1].data, t.in[2].data, t.want, m, n, k);
  char what[96];
  snprintf(what, sizeof what, "m=%ld n=%ld k=%ld%s", m, n, k, specials ? " +specials" : "");
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_M], sh[SPEC_SIZE_N], sh[SPEC_SIZE_K], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 30; ++s) {
    long m = 1 + (long)(rng_next(&rng) % 40);
    long n = 1 + (long)(rng_next(&rng) % 40);
    long k = (long)(rng_next(&rng) % 80);
    run_shape(&extra, &rng, m, n, k, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (m 1-40, n 1-40, k 0-79)");
  return shapes.failures || extra.failures ? 1 : 0;
}
