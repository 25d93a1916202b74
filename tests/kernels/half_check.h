/* fp16 helpers for the ker0-vs-golden tests of fp16 tensor kernels (several inputs, one
 * output): guarded fp16 buffers, seeded fp16 inputs, and the spec's tolerance in fp16 ulps
 * against the double golden rounded to fp16. Include after the kernel's spec header (the
 * SPEC_TOL_* and SPEC_*_MATCH macros). unary_f16_test.h is the one-input counterpart. */
#pragma once
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { half_guard = 64 };

typedef struct {
  long checked, failures, not_rounded, max_ulp;
  double max_abs; /* over finite expected values */
} HStats;

/* Monotone integer image of an fp16 value's bits, so ulp distance is a difference. */
static inline long half_ordered(_Float16 h)
{
  uint16_t b;
  memcpy(&b, &h, 2);
  return b & 0x8000u ? -(long)(b & 0x7fffu) : (long)b;
}

/* One output against the golden: a tolerance's abs/rel bound or its ulp bound (fp16 ulps). */
static inline void half_check_tol(HStats* st, const char* what, long i, double want, _Float16 got,
                                  double tol_abs, double tol_rel, long tol_ulp, int nan_match,
                                  int inf_match)
{
  int ok;
  st->checked++;
  if (isnan(want) || isnan((double)got)) {
    ok = !nan_match || (isnan(want) && isnan((double)got));
  } else if (isinf(want) || isinf((double)got)) {
    ok = !inf_match || want == (double)got;
  } else {
    long ulps = labs(half_ordered(got) - half_ordered((_Float16)want));
    double err = fabs((double)got - want);
    ok = err <= tol_abs + tol_rel * fabs(want) || ulps <= tol_ulp;
    st->not_rounded += ulps != 0;
    st->max_ulp = ulps > st->max_ulp ? ulps : st->max_ulp;
    st->max_abs = err > st->max_abs ? err : st->max_abs;
  }
  if (!ok) {
    if (st->failures < 10) {
      printf("FAIL %s [%ld]: want %.9g (fp16 %.9g) got %.9g\n", what, i, want,
             (double)(_Float16)want, (double)got);
    }
    st->failures++;
  }
}

/* The same with the spec's base tolerance. */
static inline void half_check(HStats* st, const char* what, long i, double want, _Float16 got)
{
  half_check_tol(st, what, i, want, got, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH,
                 SPEC_INF_MATCH);
}

static inline void half_stats_print(const HStats* s, const char* what)
{
  printf("%s: %ld values, %ld failures, %ld not correctly rounded, max %ld ulp (fp16), max abs "
         "error %.3g\n",
         what, s->checked, s->failures, s->not_rounded, s->max_ulp, s->max_abs);
}

/* An fp16 buffer of n values with poisoned guard zones either side. */
typedef struct {
  _Float16* data;
  unsigned char* base;
  long n;
} HGuarded;

static inline HGuarded half_alloc(long n)
{
  HGuarded g = {NULL, malloc(2 * (size_t)(n + 2 * half_guard)), n};
  if (!g.base) {
    exit(2);
  }
  memset(g.base, 0xa7, 2 * (size_t)(n + 2 * half_guard));
  g.data = (_Float16*)(g.base + 2 * half_guard);
  return g;
}

static inline int half_guards_ok(const HGuarded* g)
{
  for (long i = 0; i < 2 * half_guard; ++i) {
    if (g->base[i] != 0xa7 || g->base[2 * (half_guard + g->n) + i] != 0xa7) {
      return 0;
    }
  }
  return 1;
}

/* fp16 inputs from the fp32 generator: uniform in [lo, hi] plus the specials; the fp32
 * "denorm" special (0 in fp16) becomes an fp16 subnormal of the same sign. */
static inline void half_fill(Rng* r, _Float16* x, long n, double lo, double hi,
                             const float* specials, int num_specials)
{
  float* f = malloc(sizeof(float) * (size_t)(n + 1));
  if (!f) {
    exit(2);
  }
  fill_inputs(r, f, n, lo, hi, specials, num_specials);
  for (long i = 0; i < n; ++i) {
    int denorm = f[i] != 0.0f && fabsf(f[i]) < 0x1p-126f;
    x[i] = denorm ? (_Float16)copysignf(0x1p-20f, f[i]) : (_Float16)f[i];
  }
  free(f);
}
