/* ker0 of kernels/nn/bias_f16 against the double golden (bias rounded to fp16, as the layer
 * adds it), in fp16 ulps: every test shape of the spec with and without special values,
 * every fp16 value under four drawn biases, then random shapes. Also checks that no input
 * changes, nothing is written outside y and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bias_f16_spec.h" /* before half_check.h: its tolerance */
#include "golden.h"
#include "half_check.h"

void eok_bias_f16(const _Float16* x, const float* bias, _Float16* y, long c, long h, long w);
void golden_bias_f16(const float* x, const float* bias, double* y, long c, long size);

/* fill: 0 random, 1 random with the spec's specials, 2 every fp16 bit pattern in order */
static void run_shape(HStats* st, Rng* rng, long c, long h, long w, int fill)
{
  const long size = h * w, total = c * size;
  HGuarded x = half_alloc(total), y = half_alloc(total), y2 = half_alloc(total);
  if (fill == 2) {
    for (long i = 0; i < total; ++i) {
      uint16_t b = (uint16_t)i;
      memcpy(&x.data[i], &b, 2);
    }
  } else {
    half_fill(rng, x.data, total, SPEC_X_LO, SPEC_X_HI, spec_x_specials,
              fill ? SPEC_X_NUM_SPECIALS : 0);
  }
  float* bias = malloc(sizeof(float) * (size_t)(c + 1));
  float* bias16 = malloc(sizeof(float) * (size_t)(c + 1));
  fill_inputs(rng, bias, c, SPEC_BIAS_LO, SPEC_BIAS_HI, NULL, 0);
  for (long q = 0; q < c; ++q) {
    bias16[q] = (float)(_Float16)bias[q];
  }
  _Float16* saved = malloc(2 * (size_t)(total + 1));
  memcpy(saved, x.data, 2 * (size_t)total);
  float* xf = malloc(sizeof(float) * (size_t)(total + 1));
  double* want = malloc(sizeof(double) * (size_t)(total + 1));
  for (long i = 0; i < total; ++i) {
    xf[i] = (float)x.data[i];
  }
  eok_bias_f16(x.data, bias, y.data, c, h, w);
  eok_bias_f16(x.data, bias, y2.data, c, h, w);
  golden_bias_f16(xf, bias16, want, c, size);
  char what[96];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld%s", c, h, w,
           fill == 1 ? " +specials" : fill == 2 ? " every fp16 value" : "");
  for (long i = 0; i < total; ++i) {
    half_check(st, what, i, want[i], y.data[i]);
  }
  if (memcmp(saved, x.data, 2 * (size_t)total) != 0 || !half_guards_ok(&x)) {
    printf("FAIL %s: input x modified or written outside\n", what);
    st->failures++;
  }
  if (!half_guards_ok(&y) || !half_guards_ok(&y2)) {
    printf("FAIL %s: write outside y\n", what);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, 2 * (size_t)total) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(bias);
  free(bias16);
  free(saved);
  free(xf);
  free(want);
  free(x.base);
  free(y.base);
  free(y2.base);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes = {0}, all = {0}, extra = {0};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    for (int fill = 0; fill < 2; ++fill) {
      run_shape(&shapes, &rng, sh[SPEC_SIZE_C], sh[SPEC_SIZE_H], sh[SPEC_SIZE_W], fill);
    }
  }
  half_stats_print(&shapes, "test shapes");
  /* Every fp16 value as four channels of 16384 values, one bias each. */
  for (int s = 0; s < 4; ++s) {
    run_shape(&all, &rng, 4, 128, 128, 2);
  }
  half_stats_print(&all, "every fp16 value (4 biases each pass)");
  for (int s = 0; s < 60; ++s) {
    long c = 1 + (long)(rng_next(&rng) % 6);
    long h = 1 + (long)(rng_next(&rng) % 8);
    long w = 1 + (long)(rng_next(&rng) % 70);
    run_shape(&extra, &rng, c, h, w, s % 3 == 0);
  }
  half_stats_print(&extra, "random shapes (c 1-6, h 1-8, w 1-70)");
  return shapes.failures || all.failures || extra.failures ? 1 : 0;
}
