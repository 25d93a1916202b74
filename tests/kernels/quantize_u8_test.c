/* ker0 of kernels/nn/quantize_u8 against its golden, exactly: every test shape of the spec
 * (seeded inputs in its range plus its specials), every float bit pattern class but NaN,
 * and inputs next to every rounding tie x * scale = m + 1/2 over the whole output range,
 * where round-half-even and round-half-away differ. Also checks that x is unchanged,
 * nothing is written outside y, and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden.h"
#include "quantize_u8_spec.h"
#if SPEC_PARAM_SCALE_COUNT != 1 || SPEC_PARAM_SCALE_RANDOM
#error "this test checks one value of scale: loop over spec_param_scale_values when kernel.toml lists several"
#endif
#if SPEC_PARAM_ZERO_POINT_COUNT != 1 || SPEC_PARAM_ZERO_POINT_RANDOM
#error "this test checks one value of zero_point: loop over spec_param_zero_point_values when kernel.toml lists several"
#endif

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point);

enum { k_guard = 64 };
static const float k_scale = (float)SPEC_PARAM_SCALE;
static const int k_zero = SPEC_PARAM_ZERO_POINT;

typedef struct {
  long checked, failures;
} QStats;

static uint8_t* guarded(long n, size_t esize, unsigned char** base)
{
  size_t bytes = esize * (size_t)(n + 2 * k_guard);
  *base = malloc(bytes);
  if (!*base) {
    exit(2);
  }
  memset(*base, 0x5b, bytes);
  return *base + esize * k_guard;
}

static int guards_ok(const unsigned char* base, long n, size_t esize)
{
  for (size_t i = 0; i < esize * k_guard; ++i) {
    if (base[i] != 0x5b || base[esize * (size_t)(k_guard + n) + i] != 0x5b) {
      return 0;
    }
  }
  return 1;
}

static void run_case(QStats* st, const char* what, const float* in, long n)
{
  unsigned char *bx, *by, *by2;
  float* x = (float*)guarded(n, 4, &bx);
  uint8_t* y = guarded(n, 1, &by);
  uint8_t* y2 = guarded(n, 1, &by2);
  memcpy(x, in, 4 * (size_t)n);
  eok_quantize_u8(x, y, n, k_scale, k_zero);
  for (long i = 0; i < n; ++i) {
    double want = golden_quantize_u8(in[i], k_scale, k_zero);
    st->checked++;
    if ((double)y[i] != want) {
      if (st->failures < 10) {
        printf("FAIL %s [%ld]: input %.9g (x*scale %.9g) want %.0f got %d\n", what, i,
               (double)in[i], (double)(in[i] * k_scale), want, y[i]);
      }
      st->failures++;
    }
  }
  eok_quantize_u8(x, y2, n, k_scale, k_zero);
  if (memcmp(x, in, 4 * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified\n", what, n);
    st->failures++;
  }
  if (!guards_ok(bx, n, 4) || !guards_ok(by, n, 1) || !guards_ok(by2, n, 1)) {
    printf("FAIL %s n=%ld: write outside a buffer\n", what, n);
    st->failures++;
  }
  if (memcmp(y, y2, (size_t)n) != 0) {
    printf("FAIL %s n=%ld: second run differs\n", what, n);
    st->failures++;
  }
  free(bx);
  free(by);
  free(by2);
}

static void print_stats(const QStats* s, const char* what)
{
  printf("%s: %ld values, %ld failures\n", what, s->checked, s->failures);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  QStats shapes = {0}, sweep = {0};
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    long n = spec_shapes[s][SPEC_SIZE_N];
    float* in = malloc(sizeof(float) * (size_t)(n + 1));
    /* As the evaluator draws them: on the spec's grid, then the specials. */
    fill_inputs(&rng, in, n, SPEC_X_LO, SPEC_X_HI, NULL, 0);
    for (long i = 0; i < n && SPEC_X_STEP > 0; ++i) {
      in[i] = (float)(SPEC_X_LO + SPEC_X_STEP * nearbyint((in[i] - SPEC_X_LO) / SPEC_X_STEP));
    }
    for (int k = 0; k < SPEC_X_NUM_SPECIALS && n > 0; ++k) {
      in[rng_next(&rng) % (uint64_t)n] = spec_x_specials[k];
    }
    char what[64];
    snprintf(what, sizeof what, "shape n=%ld", n);
    run_case(&shapes, what, in, n);
    free(in);
  }
  print_stats(&shapes, "test shapes");

  enum { k_chunk = 100003 };
  float* in = malloc(sizeof(float) * k_chunk);
  for (int c = 0; c < 5; ++c) {
    for (long i = 0; i < k_chunk; ++i) {
      in[i] = rng_any_float(&rng);
      if (isnan(in[i])) {
        in[i] = 0.0f; /* NaN is outside the op's domain */
      }
    }
    run_case(&sweep, "random bits", in, k_chunk - c);
  }
  /* The 33 floats around each tie x * scale = m + 1/2, m from -200 to 200; count the exact
   * ties among them (the float product lands exactly on m + 1/2). */
  long n = 0, ties = 0;
  for (int m = -200; m <= 200; ++m) {
    float x = (float)((m + 0.5) / k_scale);
    for (int k = 0; k < 16; ++k) {
      x = nextafterf(x, -INFINITY);
    }
    for (int k = 0; k < 33; ++k) {
      in[n++] = x;
      ties += x * k_scale == (float)(m + 0.5);
      x = nextafterf(x, INFINITY);
    }
  }
  run_case(&sweep, "ties", in, n);
  free(in);
  print_stats(&sweep, "sweep (all non-NaN floats, ties)");
  printf("%ld exact ties exercised\n", ties);
  if (ties < 200) {
    printf("FAIL: too few exact ties to tell rounding modes apart\n");
    return 1;
  }
  return shapes.failures || sweep.failures ? 1 : 0;
}
