/* ker0 of kernels/nn/eltwise_f16 against the fp32 task's double golden (coefficients rounded
 * to fp16, as the fp16 layer uses them), in fp16 ulps: every test shape of the spec with and
 * without the special values, then random sizes for every op and input count. Also checks
 * that no input changes, nothing is written outside y and a second run is identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eltwise_f16_spec.h"
#include "golden.h"
#include "half_check.h"

void eok_eltwise_f16(const _Float16* a, const _Float16* b, const _Float16* c,
                     const float* coeffs, _Float16* y, long n, long k, long op, long use_coeff);

static void run_shape(HStats* st, Rng* rng, long n, long k, long op, long use, int specials)
{
  HGuarded in[3] = {half_alloc(n), half_alloc(n), half_alloc(n)};
  HGuarded y = half_alloc(n), y2 = half_alloc(n);
  int ns = specials ? SPEC_A_NUM_SPECIALS : 0;
  half_fill(rng, in[0].data, n, SPEC_A_LO, SPEC_A_HI, spec_a_specials, ns);
  half_fill(rng, in[1].data, n, SPEC_B_LO, SPEC_B_HI, spec_b_specials, ns);
  half_fill(rng, in[2].data, n, SPEC_C_LO, SPEC_C_HI, spec_c_specials, ns);
  float coeffs[3], coeffs16[3];
  fill_inputs(rng, coeffs, 3, SPEC_COEFFS_LO, SPEC_COEFFS_HI, NULL, 0);
  float* f[3];
  _Float16* saved[3];
  for (int j = 0; j < 3; ++j) {
    coeffs16[j] = (float)(_Float16)coeffs[j];
    f[j] = malloc(sizeof(float) * (size_t)(n + 1));
    saved[j] = malloc(2 * (size_t)(n + 1));
    memcpy(saved[j], in[j].data, 2 * (size_t)n);
    for (long i = 0; i < n; ++i) {
      f[j][i] = (float)in[j].data[i];
    }
  }
  double* want = malloc(sizeof(double) * (size_t)(n + 1));
  eok_eltwise_f16(in[0].data, in[1].data, in[2].data, coeffs, y.data, n, k, op, use);
  eok_eltwise_f16(in[0].data, in[1].data, in[2].data, coeffs, y2.data, n, k, op, use);
  golden_eltwise(f[0], f[1], f[2], coeffs16, want, n, k, op, use);
  char what[96];
  snprintf(what, sizeof what, "n=%ld k=%ld op=%ld use_coeff=%ld%s", n, k, op, use,
           specials ? " +specials" : "");
  for (long i = 0; i < n; ++i) {
    half_check(st, what, i, want[i], y.data[i]);
  }
  for (int j = 0; j < 3; ++j) {
    if (memcmp(saved[j], in[j].data, 2 * (size_t)n) != 0 || !half_guards_ok(&in[j])) {
      printf("FAIL %s: input %c modified or written outside\n", what, 'a' + j);
      st->failures++;
    }
    free(f[j]);
    free(saved[j]);
    free(in[j].base);
  }
  if (!half_guards_ok(&y) || !half_guards_ok(&y2)) {
    printf("FAIL %s: write outside y\n", what);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, 2 * (size_t)n) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(want);
  free(y.base);
  free(y2.base);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes = {0}, extra = {0};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int specials = 0; specials < 2; ++specials) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_N], sh[SPEC_SIZE_K], sh[SPEC_SIZE_OP],
                sh[SPEC_SIZE_USE_COEFF], specials);
    }
  }
  half_stats_print(&shapes, "test shapes");
  for (int s = 0; s < 160; ++s) {
    long op = s % 3, k = 2 + (s / 3) % 2, use = op == 1 ? (s / 6) % 2 : 0;
    run_shape(&extra, &rng, (long)(rng_next(&rng) % 600), k, op, use, s % 5 == 0);
  }
  half_stats_print(&extra, "random sizes 0-599, every op and input count");
  return shapes.failures || extra.failures ? 1 : 0;
}
