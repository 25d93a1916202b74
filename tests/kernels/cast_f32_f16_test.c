/* ker0 of kernels/nn/cast_f32_f16 against its golden: the spec's shapes (range and
 * specials), random fp32 bit patterns, and every fp16 rounding boundary: each fp16 value,
 * the midpoints between neighbours (ties to even) and one fp32 ulp either side, across
 * denormals, the flush-to-zero point and the overflow threshold. Exact, signed zeros too. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast_f32_f16_spec.h"
#include "check.h"

void eok_cast_f32_f16(const float* x, _Float16* y, long n);
double golden_f32_to_f16(double x);
#include "f16_bits.h"

enum { k_guard = 32 };

static void run_case(Stats* st, const char* what, const float* in, long n)
{
  Guarded x = guarded_alloc(n);
  _Float16* yb = malloc(2 * (size_t)(n + 2 * k_guard));
  _Float16* yb2 = malloc(2 * (size_t)(n + 2 * k_guard));
  memset(yb, 0x5a, 2 * (size_t)(n + 2 * k_guard));
  memset(yb2, 0x5a, 2 * (size_t)(n + 2 * k_guard));
  _Float16 *y = yb + k_guard, *y2 = yb2 + k_guard;
  memcpy(x.data, in, sizeof(float) * (size_t)n);
  eok_cast_f32_f16(x.data, y, n);
  eok_cast_f32_f16(x.data, y2, n);
  for (long i = 0; i < n; ++i) {
    double want = golden_f32_to_f16((double)in[i]);
    uint16_t b;
    memcpy(&b, &y[i], 2);
    double got = f16_bits_to_double(b); /* fp16 -> float is exact */
    if (check_value(st, what, i, (double)in[i], want, (float)got) && !isnan(want) &&
        !signbit(want) != !signbit(got)) {
      printf("FAIL %s [%ld]: input %a want %g got %g (sign)\n", what, i, (double)in[i], want, got);
      st->failures++;
    }
  }
  int outside = memcmp(x.data, in, sizeof(float) * (size_t)n) != 0 || !guarded_ok(&x) ||
                memcmp(y, y2, 2 * (size_t)n) != 0;
  for (long i = 0; i < k_guard * 2; ++i) {
    outside |= ((unsigned char*)yb)[i] != 0x5a || ((unsigned char*)(y + n))[i] != 0x5a;
  }
  if (outside) {
    printf("FAIL %s n=%ld: input modified, write outside y or second run differs\n", what, n);
    st->failures++;
  }
  guarded_free(&x);
  free(yb);
  free(yb2);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes, sweep;
  stats_init(&shapes, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&sweep, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* in = malloc(sizeof(float) * (size_t)(n + 1));
    fill_inputs(&rng, in, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
    free(in);
  }
  stats_print(&shapes, "test shapes");
  enum { k_chunk = 100003 };
  float* in = malloc(sizeof(float) * 6 * 32768);
  for (long i = 0; i < k_chunk; ++i) {
    in[i] = rng_any_float(&rng);
  }
  run_case(&sweep, "random bits", in, k_chunk);
  /* Each positive fp16 value v (and its negative), the midpoint to the next one, and the
   * fp32 neighbours of that midpoint: ties and the values just off them. */
  long m = 0;
  for (uint16_t b = 0; b < 0x7c00; ++b) {
    double v = f16_bits_to_double(b);
    double mid = (v + f16_bits_to_double((uint16_t)(b + 1))) / 2; /* 0x7c00: Inf -> 65520 */
    if (b == 0x7bff) {
      mid = 65520.0;
    }
    float fm = (float)mid;
    float pts[3] = {fm, nextafterf(fm, 0.f), nextafterf(fm, INFINITY)};
    for (int k = 0; k < 3; ++k) {
      in[m++] = pts[k];
      in[m++] = -pts[k];
    }
  }
  run_case(&sweep, "fp16 midpoints", in, m);
  m = 0;
  for (uint16_t b = 0; b < 0x7c00; b = (uint16_t)(b + 3)) {
    in[m++] = (float)f16_bits_to_double(b);
  }
  in[m++] = 0x1p-25f; /* half the smallest denormal: ties to even -> 0 */
  in[m++] = 0x1.000002p-25f;
  in[m++] = 0x1p-26f;
  run_case(&sweep, "fp16 values", in, m);
  free(in);
  stats_print(&sweep, "random bits, every fp16 value and midpoint");
  return shapes.failures || sweep.failures ? 1 : 0;
}
