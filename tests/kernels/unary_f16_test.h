/* Generic ker0-vs-golden test for elementwise fp16 kernels y[i] = f(x[i]) (fp16 in and out).
 * The including file includes its generated spec header and defines
 *   RUN_KERNEL(x, y, n)  the ker0 call (x, y are _Float16*), and
 *   GOLDEN(x)            the golden value for one input, as a double,
 * and, for a param with several values, NUM_CASES and SET_CASE(c) (selects case c, which
 * RUN_KERNEL and GOLDEN then use, and returns its name): everything runs once per case.
 * Checks every test shape of the spec (seeded inputs in its range plus its specials), then
 * all 65536 fp16 bit patterns. The tolerance is the spec's, in fp16 ulps against the golden rounded to
 * fp16; the test also reports how many outputs are not the correctly rounded value. Also
 * checks that x is unchanged, nothing is written outside y, and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { k_guard = 64 };

typedef struct {
  long checked, failures, not_rounded, max_ulp;
} HStats;

/* Monotone integer image of an fp16 value's bits, so ulp distance is a difference. */
static long ordered(_Float16 h)
{
  uint16_t b;
  memcpy(&b, &h, 2);
  return b & 0x8000u ? -(long)(b & 0x7fffu) : (long)b;
}

static void check_half(HStats* st, const char* what, long i, _Float16 in, _Float16 got)
{
  double want = GOLDEN((double)in);
  _Float16 want_h = (_Float16)want;
  int ok;
  st->checked++;
  if (isnan(want) || isnan((double)got)) {
    ok = !SPEC_NAN_MATCH || (isnan(want) && isnan((double)got));
  } else if (isinf(want) || isinf((double)got)) {
    ok = !SPEC_INF_MATCH || want == (double)got;
  } else {
    long ulps = labs(ordered(got) - ordered(want_h));
    double err = fabs((double)got - want);
    ok = err <= SPEC_TOL_ABS + SPEC_TOL_REL * fabs(want) || ulps <= SPEC_TOL_ULP;
    st->not_rounded += ulps != 0;
    if (ulps > st->max_ulp) {
      st->max_ulp = ulps;
    }
  }
  if (!ok) {
    if (st->failures < 10) {
      printf("FAIL %s [%ld]: input %.9g want %.9g (fp16 %.9g) got %.9g\n", what, i, (double)in,
             want, (double)want_h, (double)got);
    }
    st->failures++;
  }
}

static _Float16* guarded(long n, unsigned char** base)
{
  *base = malloc(2 * (size_t)(n + 2 * k_guard));
  if (!*base) {
    exit(2);
  }
  memset(*base, 0xa7, 2 * (size_t)(n + 2 * k_guard));
  return (_Float16*)(*base + 2 * k_guard);
}

static int guards_ok(const unsigned char* base, long n)
{
  for (long i = 0; i < 2 * k_guard; ++i) {
    if (base[i] != 0xa7 || base[2 * (k_guard + n) + i] != 0xa7) {
      return 0;
    }
  }
  return 1;
}

static void run_case(HStats* st, const char* what, const _Float16* in, long n)
{
  unsigned char *bx, *by, *by2;
  _Float16* x = guarded(n, &bx);
  _Float16* y = guarded(n, &by);
  _Float16* y2 = guarded(n, &by2);
  memcpy(x, in, 2 * (size_t)n);
  RUN_KERNEL(x, y, n);
  for (long i = 0; i < n; ++i) {
    check_half(st, what, i, in[i], y[i]);
  }
  RUN_KERNEL(x, y2, n);
  if (memcmp(x, in, 2 * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified\n", what, n);
    st->failures++;
  }
  if (!guards_ok(bx, n) || !guards_ok(by, n) || !guards_ok(by2, n)) {
    printf("FAIL %s n=%ld: write outside a buffer\n", what, n);
    st->failures++;
  }
  if (memcmp(y, y2, 2 * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: second run differs\n", what, n);
    st->failures++;
  }
  free(bx);
  free(by);
  free(by2);
}

static void print_stats(const HStats* s, const char* what)
{
  printf("%s: %ld values, %ld failures, %ld not correctly rounded, max %ld ulp (fp16)\n", what,
         s->checked, s->failures, s->not_rounded, s->max_ulp);
}

#ifndef NUM_CASES
#define NUM_CASES 1
#define SET_CASE(c) ""
#endif

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  HStats shapes = {0}, all = {0};
  for (int c = 0; c < NUM_CASES; ++c) {
    const char* case_name = SET_CASE(c);
    for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
      long n = spec_shapes[s][SPEC_SIZE_N];
      float* f = malloc(sizeof(float) * (size_t)(n + 1));
      _Float16* in = malloc(2 * (size_t)(n + 1));
      fill_inputs(&rng, f, n, SPEC_X_LO, SPEC_X_HI, spec_x_specials, SPEC_X_NUM_SPECIALS);
      for (long i = 0; i < n; ++i) {
        in[i] = (_Float16)f[i];
      }
      char what[64];
      snprintf(what, sizeof what, "shape n=%ld%s", n, case_name);
      run_case(&shapes, what, in, n);
      free(f);
      free(in);
    }

    /* Every fp16 bit pattern, in order and then in a shorter run so the tail differs. */
    _Float16* in = malloc(2 * 65536);
    for (long i = 0; i < 65536; ++i) {
      uint16_t b = (uint16_t)i;
      memcpy(&in[i], &b, 2);
    }
    char what[64];
    snprintf(what, sizeof what, "all fp16%s", case_name);
    run_case(&all, what, in, 65536);
    snprintf(what, sizeof what, "all fp16 from 1%s", case_name);
    run_case(&all, what, in + 1, 65535 - 4);
    free(in);
  }
  print_stats(&shapes, "test shapes");
  print_stats(&all, "all fp16 inputs");
  return shapes.failures || all.failures ? 1 : 0;
}
