/* ker0 of kernels/nn/binaryop against its golden: every test shape of the spec with and
 * without the special values, every op on every pair of a grid of special values, then
 * random shapes for every op, form and pack. The exact ops (ADD .. MIN, RSUB, RDIV, FMOD,
 * FLOOR_DIVIDE, REMAINDER and their reverses) must be exact, ATAN2/RATAN2 (libm atan2f)
 * within 1 ulp, POW/RPOW within the spec's base tolerance, LOGADDEXP within its
 * [[tolerance.when]] case (op = 14). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "binaryop_spec.h"
#include "tensor_case.h"

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long h, long w,
                      long pack, long form, long op, long an, long bn);
void golden_binaryop(const float* a, const float* b, double* y, long c, long h, long w,
                     long pack, long form, long op);
long golden_binaryop_len(long form, int is_a, long c, long h, long w, long pack);

/* Error classes: exact ops, atan2 (libm), pow (vector exp/log), logaddexp. */
typedef struct {
  Stats exact, atan2, pow, lae;
} Classes;

static Stats* class_of(Classes* k, long op)
{
  return op == 6 || op == 9 ? &k->pow : op == 10 || op == 11 ? &k->atan2
       : op == 14 ? &k->lae : &k->exact;
}

static void classes_init(Classes* k)
{
  stats_init(&k->exact, 0.0, 0.0, 0, 1, 1);
  stats_init(&k->atan2, 0.0, 0.0, 1, 1, 1);
  stats_init(&k->pow, SPEC_TOL_ABS, SPEC_TOL_REL, SPEC_TOL_ULP, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  stats_init(&k->lae, SPEC_TOL_OP_14_ABS, SPEC_TOL_OP_14_REL, SPEC_TOL_OP_14_ULP,
             SPEC_TOL_OP_14_NAN_MATCH, SPEC_TOL_OP_14_INF_MATCH);
}

static long classes_print(const Classes* k, const char* what)
{
  char line[160];
  snprintf(line, sizeof line, "%s, exact ops", what);
  stats_print(&k->exact, line);
  snprintf(line, sizeof line, "%s, atan2/ratan2", what);
  stats_print(&k->atan2, line);
  snprintf(line, sizeof line, "%s, pow/rpow", what);
  stats_print(&k->pow, line);
  snprintf(line, sizeof line, "%s, logaddexp", what);
  stats_print(&k->lae, line);
  return k->exact.failures + k->atan2.failures + k->pow.failures + k->lae.failures;
}

/* The spec's generator: uniform on the step grid of [lo, hi] (integers and zeros occur, so
 * pow meets negative bases with integer exponents), then the specials. */
static void fill(Rng* rng, float* x, long n, double lo, double hi, double step,
                 const float* specials, int num_specials)
{
  long steps = (long)((hi - lo) / step) + 1;
  for (long i = 0; i < n; ++i) {
    x[i] = (float)(lo + step * (double)(long)(rng_next(rng) % (uint64_t)steps));
  }
  for (int s = 0; s < num_specials && n > 0; ++s) {
    x[rng_next(rng) % (uint64_t)n] = specials[s];
  }
}

/* Runs one shape; with `grid` the inputs are given (a and b of n values, form 0). */
static void run_case(Classes* k, Rng* rng, long c, long h, long w, long pack, long form, long op,
                     int specials, const float* ga, const float* gb)
{
  long n = c * h * w * pack;
  long an = golden_binaryop_len(form, 1, c, h, w, pack);
  long bn = golden_binaryop_len(form, 0, c, h, w, pack);
  long lens[2] = {an, bn};
  Case t;
  case_begin(&t, 2, lens, n);
  if (ga) {
    for (long i = 0; i < n; ++i) {
      t.in[0].data[i] = ga[i];
      t.in[1].data[i] = gb[i];
    }
  } else {
    fill(rng, t.in[0].data, an, SPEC_A_LO, SPEC_A_HI, SPEC_A_STEP, spec_a_specials,
         specials ? SPEC_A_NUM_SPECIALS : 0);
    fill(rng, t.in[1].data, bn, SPEC_B_LO, SPEC_B_HI, SPEC_B_STEP, spec_b_specials,
         specials ? SPEC_B_NUM_SPECIALS : 0);
  }
  case_save(&t);
  const float* a = t.in[0].data;
  const float* b = t.in[1].data;
  eok_binaryop_f32(a, b, t.out.data, c, h, w, pack, form, op, an, bn);
  eok_binaryop_f32(a, b, t.out2.data, c, h, w, pack, form, op, an, bn);
  golden_binaryop(a, b, t.want, c, h, w, pack, form, op);
  char what[128];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld pack=%ld form=%ld op=%ld%s", c, h, w, pack, form, op,
           ga ? " special grid" : specials ? " +specials" : "");
  case_end(&t, class_of(k, op), what);
}

/* Every pair of these as (a, b): the zeros' signs, infinities, NaN, +-1, integers odd and
 * even, non-integers, values around 1, subnormals and the extremes. */
static const float k_grid[] = {0.f, -0.f, INFINITY, -INFINITY, NAN, 1.f, -1.f, 2.f, -2.f,
                               3.f, -3.f, 0.5f, -0.5f, 2.5f, -2.5f, 1.0000001f, 0.99999994f,
                               0x1p-140f, -0x1p-140f, 0x1p-126f, 3.4028235e38f, -3.4028235e38f,
                               88.f, -104.f, 1e-30f, 16777215.f, -16777215.f, 16777216.f,
                               100.f, -0.6875f};
enum { grid_n = sizeof k_grid / sizeof k_grid[0] };

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Classes shapes, grid, extra;
  classes_init(&shapes);
  classes_init(&grid);
  classes_init(&extra);
  long bad = 0;
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    const long* sh = spec_shapes[s];
    long c = sh[SPEC_SIZE_C], h = sh[SPEC_SIZE_H], w = sh[SPEC_SIZE_W], pack = sh[SPEC_SIZE_PACK];
    long form = sh[SPEC_SIZE_FORM];
    if (sh[SPEC_SIZE_AN] != golden_binaryop_len(form, 1, c, h, w, pack) ||
        sh[SPEC_SIZE_BN] != golden_binaryop_len(form, 0, c, h, w, pack)) {
      printf("FAIL shape %d: an/bn do not match form %ld\n", s, form);
      bad++;
      continue;
    }
    for (int specials = 0; specials < 2; ++specials) {
      run_case(&shapes, &rng, c, h, w, pack, form, sh[SPEC_SIZE_OP], specials, NULL, NULL);
    }
  }
  bad += classes_print(&shapes, "test shapes");
  static const long ops[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
  enum { num_ops = sizeof ops / sizeof ops[0] };
  float ga[grid_n * grid_n], gb[grid_n * grid_n];
  for (int i = 0; i < grid_n; ++i) {
    for (int j = 0; j < grid_n; ++j) {
      ga[i * grid_n + j] = k_grid[i];
      gb[i * grid_n + j] = k_grid[j];
    }
  }
  for (int o = 0; o < num_ops; ++o) {
    run_case(&grid, &rng, 1, grid_n, grid_n, 1, 0, ops[o], 0, ga, gb);
  }
  bad += classes_print(&grid, "special grid, every op");
  for (int s = 0; s < 15 * num_ops * 2; ++s) {
    long op = ops[s % num_ops], form = (s / num_ops) % 15, pack = (s / (15 * num_ops)) % 2 ? 8 : 1;
    long c = 1 + (long)(rng_next(&rng) % 4), h = (long)(rng_next(&rng) % 7);
    long w = (long)(rng_next(&rng) % 12);
    run_case(&extra, &rng, c, h, w, pack, form, op, s % 3 == 0, NULL, NULL);
  }
  bad += classes_print(&extra, "random shapes, every op, form and pack");
  return bad ? 1 : 0;
}
