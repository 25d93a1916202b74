/* ker0 of kernels/nn/convdw3x3s1 against its golden: every test shape of the spec with and
 * without the special values, then random small shapes for row and column tails. Also checks
 * that inputs are unchanged, nothing is written outside y, and a second run is identical. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "convdw3x3s1_spec.h"
#include "golden.h"

void eok_convdw3x3s1_f32(const float* x, const float* k, const float* bias, float* y, long c,
                         long h, long w);

static void run_shape(Stats* st, Rng* rng, long c, long h, long w, int specials)
{
  long nx = c * h * w, nk = c * 9, ny = c * (h - 2) * (w - 2);
  Guarded x = guarded_alloc(nx), k = guarded_alloc(nk), b = guarded_alloc(c);
  Guarded y = guarded_alloc(ny), y2 = guarded_alloc(ny);
  fill_inputs(rng, x.data, nx, SPEC_X_LO, SPEC_X_HI, spec_x_specials,
              specials ? SPEC_X_NUM_SPECIALS : 0);
  fill_inputs(rng, k.data, nk, SPEC_K_LO, SPEC_K_HI, NULL, 0);
  fill_inputs(rng, b.data, c, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  size_t in_bytes = sizeof(float) * (size_t)(nx + nk + c);
  float* saved = malloc(in_bytes + sizeof(float));
  memcpy(saved, x.data, sizeof(float) * (size_t)nx);
  memcpy(saved + nx, k.data, sizeof(float) * (size_t)nk);
  memcpy(saved + nx + nk, b.data, sizeof(float) * (size_t)c);
  double* want = malloc(sizeof(double) * (size_t)(ny + 1));

  eok_convdw3x3s1_f32(x.data, k.data, b.data, y.data, c, h, w);
  golden_convdw3x3s1(x.data, k.data, b.data, want, c, h, w);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld%s", c, h, w, specials ? " +specials" : "");
  for (long i = 0; i < ny; ++i) {
    check_value(st, what, i, 0.0, want[i], y.data[i]);
  }
  eok_convdw3x3s1_f32(x.data, k.data, b.data, y2.data, c, h, w);
  if (memcmp(saved, x.data, sizeof(float) * (size_t)nx) ||
      memcmp(saved + nx, k.data, sizeof(float) * (size_t)nk) ||
      memcmp(saved + nx + nk, b.data, sizeof(float) * (size_t)c)) {
    printf("FAIL %s: input modified\n", what);
    st->failures++;
  }
  if (!guarded_ok(&x) || !guarded_ok(&k) || !guarded_ok(&b) || !guarded_ok(&y) ||
      !guarded_ok(&y2)) {
    printf("FAIL %s: write outside a buffer\n", what);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, sizeof(float) * (size_t)ny) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(saved);
  free(want);
  guarded_free(&x);
  guarded_free(&k);
  guarded_free(&b);
  guarded_free(&y);
  guarded_free(&y2);
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
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], specials);
    }
  }
  stats_print(&shapes, "test shapes");
  for (int s = 0; s < 300; ++s) {
    long c = 1 + (long)(rng_next(&rng) % 3);
    long h = 3 + (long)(rng_next(&rng) % 12);
    long w = 3 + (long)(rng_next(&rng) % 140);
    run_shape(&extra, &rng, c, h, w, s % 3 == 0);
  }
  stats_print(&extra, "random shapes (c 1-3, h 3-14, w 3-142)");
  return shapes.failures || extra.failures ? 1 : 0;
}
