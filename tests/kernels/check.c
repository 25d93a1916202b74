#include "check.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { k_guard = 64 };
static const uint32_t k_guard_bits = 0x7fc0dead; /* a NaN payload no kernel produces */

uint64_t rng_next(Rng* r)
{
  uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double rng_uniform(Rng* r, double lo, double hi)
{
  return lo + (hi - lo) * ((double)(rng_next(r) >> 11) / 9007199254740991.0);
}

float rng_any_float(Rng* r)
{
  uint32_t bits = (uint32_t)rng_next(r);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

void fill_inputs(Rng* r, float* x, long n, double lo, double hi, const float* specials,
                 int num_specials)
{
  for (long i = 0; i < n; ++i) {
    x[i] = (float)rng_uniform(r, lo, hi);
  }
  for (int s = 0; s < num_specials && n > 0; ++s) {
    x[rng_next(r) % (uint64_t)n] = specials[s];
  }
}

Guarded guarded_alloc(long n)
{
  Guarded g;
  g.n = n;
  g.base = malloc(sizeof(float) * (size_t)(n + 2 * k_guard));
  if (!g.base) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  for (long i = 0; i < n + 2 * k_guard; ++i) {
    memcpy(&g.base[i], &k_guard_bits, sizeof(float));
  }
  g.data = g.base + k_guard;
  return g;
}

int guarded_ok(const Guarded* g)
{
  for (long i = 0; i < k_guard; ++i) {
    if (memcmp(&g->base[i], &k_guard_bits, 4) || memcmp(&g->data[g->n + i], &k_guard_bits, 4)) {
      return 0;
    }
  }
  return 1;
}

void guarded_free(Guarded* g)
{
  free(g->base);
  g->base = g->data = NULL;
}

void stats_init(Stats* s, double abs_tol, double rel_tol, int ulp_tol, int nan_match,
                int inf_match)
{
  memset(s, 0, sizeof *s);
  s->abs_tol = abs_tol;
  s->rel_tol = rel_tol;
  s->ulp_tol = ulp_tol;
  s->nan_match = nan_match;
  s->inf_match = inf_match;
}

/* Distance in representable floats between two finite floats of any sign. */
static long ulp_distance(float a, float b)
{
  int32_t ia, ib;
  memcpy(&ia, &a, 4);
  memcpy(&ib, &b, 4);
  int64_t oa = ia < 0 ? (int64_t)INT32_MIN - ia : ia;
  int64_t ob = ib < 0 ? (int64_t)INT32_MIN - ib : ib;
  return (long)llabs(oa - ob);
}

int check_value(Stats* s, const char* what, long index, double input, double want, float got)
{
  int ok;
  s->checked++;
  if (isnan(want) || isnan(got)) {
    ok = !s->nan_match || (isnan(want) && isnan(got));
  } else if (isinf(want) || isinf(got)) {
    ok = s->inf_match ? want == (double)got : 1;
  } else {
    double err = fabs((double)got - want);
    long ulps = ulp_distance(got, (float)want);
    ok = err <= s->abs_tol + s->rel_tol * fabs(want) || (s->ulp_tol > 0 && ulps <= s->ulp_tol);
    if (err > s->max_abs) {
      s->max_abs = err;
    }
    if (fabs(want) > 1e-30 && err / fabs(want) > s->max_rel) {
      s->max_rel = err / fabs(want);
    }
    if (fabs(want) >= FLT_MIN && ulps > s->max_ulp) { /* ulps mean little in denormals */
      s->max_ulp = ulps;
    }
  }
  if (!ok) {
    if (s->failures < 10) {
      printf("FAIL %s [%ld]: input %.9g want %.9g got %.9g\n", what, index, input, want,
             (double)got);
    }
    s->failures++;
  }
  return ok;
}

void stats_print(const Stats* s, const char* what)
{
  printf("%s: %ld values, %ld failures, max abs err %.3g, max rel err %.3g, max %ld ulp\n",
         what, s->checked, s->failures, s->max_abs, s->max_rel, s->max_ulp);
}
