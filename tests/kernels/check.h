/* Shared by the ker0-vs-golden tests: seeded inputs, guarded buffers and the
 * spec's tolerance rule, with the error figures each test prints. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* Deterministic generator (splitmix64): the same seed gives the same inputs. */
typedef struct {
  uint64_t state;
} Rng;
uint64_t rng_next(Rng* r);
double rng_uniform(Rng* r, double lo, double hi); /* in [lo, hi] */
float rng_any_float(Rng* r);                      /* any bit pattern: NaNs, denormals, Inf */

/* Fill x[0..n) uniformly in [lo, hi], then put each special at a seeded position. */
void fill_inputs(Rng* r, float* x, long n, double lo, double hi, const float* specials,
                 int num_specials);

/* A float buffer with guard zones either side; guard_ok() says they are intact. */
typedef struct {
  float* data;
  float* base;
  long n;
} Guarded;
Guarded guarded_alloc(long n);
int guarded_ok(const Guarded* g);
void guarded_free(Guarded* g);

typedef struct {
  double abs_tol, rel_tol;
  int ulp_tol, nan_match, inf_match;
  long checked, failures;
  double max_abs, max_rel; /* over finite expected values */
  long max_ulp;            /* against the golden rounded to float */
} Stats;
void stats_init(Stats* s, double abs_tol, double rel_tol, int ulp_tol, int nan_match,
                int inf_match);
/* Compares one output; prints the first few failures with `what` and the index. */
int check_value(Stats* s, const char* what, long index, double input, double want, float got);
void stats_print(const Stats* s, const char* what);
