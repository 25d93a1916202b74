/* ker0 of kernels/nn/cast_f32_bf16 against its golden: the spec's shapes (range and
 * specials), random fp32 bit patterns (NaN payloads, denormals, both signs), and values just
 * around every bf16 value of a few binades (truncation, never rounding up). Words compare
 * exactly. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cast_f32_bf16_spec.h"
#include "check.h"

void eok_cast_f32_bf16(const float* x, unsigned char* y, long n);
uint16_t golden_f32_to_bf16(float f);

enum { k_guard = 32 };

static long run_case(const char* what, const float* in, long n)
{
  long failures = 0;
  Guarded x = guarded_alloc(n);
  unsigned char* yb = malloc(2 * (size_t)n + 4 * k_guard);
  unsigned char* yb2 = malloc(2 * (size_t)n + 4 * k_guard);
  memset(yb, 0x5a, 2 * (size_t)n + 4 * k_guard);
  memset(yb2, 0x5a, 2 * (size_t)n + 4 * k_guard);
  unsigned char *y = yb + 2 * k_guard, *y2 = yb2 + 2 * k_guard;
  memcpy(x.data, in, sizeof(float) * (size_t)n);
  eok_cast_f32_bf16(x.data, y, n);
  eok_cast_f32_bf16(x.data, y2, n);
  for (long i = 0; i < n; ++i) {
    uint16_t got, want = golden_f32_to_bf16(in[i]);
    memcpy(&got, y + 2 * i, 2);
    if (got != want) {
      if (failures < 10) {
        printf("FAIL %s [%ld]: input %a want 0x%04x got 0x%04x\n", what, i, (double)in[i], want, got);
      }
      failures++;
    }
  }
  int bad = memcmp(x.data, in, sizeof(float) * (size_t)n) != 0 || !guarded_ok(&x) ||
            memcmp(y, y2, 2 * (size_t)n) != 0;
  for (long i = 0; i < 2 * k_guard; ++i) {
    bad |= yb[i] != 0x5a || y[2 * n + i] != 0x5a;
  }
  if (bad) {
    printf("FAIL %s n=%ld: input modified, write outside y or second run differs\n", what, n);
    failures++;
  }
  guarded_free(&x);
  free(yb);
  free(yb2);
  return failures;
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  long failures = 0, checked = 0;
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* in = malloc(sizeof(float) * (size_t)(n + 1));
    fill_inputs(&rng, in, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    failures += run_case(what, in, n);
    checked += n;
    free(in);
  }
  printf("test shapes: %ld values, %ld failures\n", checked, failures);
  long before = failures;
  enum { k_chunk = 100003 };
  float* in = malloc(sizeof(float) * k_chunk);
  for (long i = 0; i < k_chunk; ++i) {
    in[i] = rng_any_float(&rng);
  }
  failures += run_case("random bits", in, k_chunk);
  /* Each bf16 value of the binades around 1, 2^-126 (denormal edge) and 2^127, and the fp32
   * values one ulp either side of it and half way to the next: truncation keeps the lower. */
  long m = 0;
  const uint32_t starts[3] = {0x3f00u, 0x0000u, 0x7f00u};
  for (int b = 0; b < 3; ++b) {
    for (uint32_t w = starts[b]; w < starts[b] + 0x100u && w < 0x7f80u; ++w) {
      uint32_t v[4] = {w << 16, (w << 16) + 1u, (w << 16) + 0x8000u, (w << 16) + 0xffffu};
      for (int k = 0; k < 4; ++k) {
        for (int sgn = 0; sgn < 2; ++sgn) {
          uint32_t bits = v[k] | (sgn ? 0x80000000u : 0u);
          memcpy(&in[m++], &bits, 4);
        }
      }
    }
  }
  failures += run_case("around bf16 values", in, m);
  free(in);
  printf("random bits and bf16 neighbourhoods: %ld values, %ld failures\n", k_chunk + m, failures - before);
  return failures ? 1 : 0;
}
