/* ker0 of kernels/nn/binaryop_f16 against the fp32 task's double golden rounded to fp16, in
 * fp16 ulps: every test shape of the spec with and without the special values, every op on
 * every pair of a grid of fp16 special values, then random shapes for every op, form and
 * pack. The exact ops (ADD .. MIN, RSUB, RDIV, FMOD, FLOOR_DIVIDE, REMAINDER and reverses)
 * must be exact, POW/RPOW and ATAN2/RATAN2 within 1 fp16 ulp. Also checks that no input changes, nothing is written outside y and a
 * second run is identical. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "binaryop_f16_spec.h"
#include "half_check.h"

void eok_binaryop_f16(const _Float16* a, const _Float16* b, _Float16* y, long c, long h,
                      long w, long pack, long form, long op, long an, long bn);
long golden_binaryop_len(long form, int is_a, long c, long h, long w, long pack);
void golden_binaryop_exact(const float* a, const float* b, double* y, long c, long h, long w,
                           long pack, long form, long op);

/* Errors of the exact ops, the approximated ones (pow, atan2) and logaddexp apart. */
typedef struct {
  HStats exact, approx, lae;
} Classes;

static int is_approx(long op)
{
  return op == 6 || op == 9 || op == 10 || op == 11;
}

/* The spec's generator on the step grid (integers and zeros occur), then the specials. */
static void fill(Rng* rng, _Float16* x, long n, double lo, double hi, double step,
                 const float* specials, int num_specials)
{
  long steps = (long)((hi - lo) / step) + 1;
  for (long i = 0; i < n; ++i) {
    x[i] = (_Float16)(lo + step * (double)(long)(rng_next(rng) % (uint64_t)steps));
  }
  for (int s = 0; s < num_specials && n > 0; ++s) {
    x[rng_next(rng) % (uint64_t)n] = (_Float16)specials[s];
  }
}

static float* to_float(const _Float16* h, long n)
{
  float* f = malloc(sizeof(float) * (size_t)(n + 1));
  if (!f) {
    exit(2);
  }
  for (long i = 0; i < n; ++i) {
    f[i] = (float)h[i];
  }
  return f;
}

/* One shape; with ga/gb the inputs are given (form 0). */
static void run_case(Classes* k, Rng* rng, long c, long h, long w, long pack, long form, long op,
                     int specials, const _Float16* ga, const _Float16* gb)
{
  long n = c * h * w * pack;
  long an = golden_binaryop_len(form, 1, c, h, w, pack);
  long bn = golden_binaryop_len(form, 0, c, h, w, pack);
  HGuarded a = half_alloc(an), b = half_alloc(bn), y = half_alloc(n), y2 = half_alloc(n);
  if (ga) {
    memcpy(a.data, ga, 2 * (size_t)an);
    memcpy(b.data, gb, 2 * (size_t)bn);
  } else {
    fill(rng, a.data, an, SPEC_A_LO, SPEC_A_HI, SPEC_A_STEP, spec_a_specials,
         specials ? SPEC_A_NUM_SPECIALS : 0);
    fill(rng, b.data, bn, SPEC_B_LO, SPEC_B_HI, SPEC_B_STEP, spec_b_specials,
         specials ? SPEC_B_NUM_SPECIALS : 0);
  }
  _Float16* sa = malloc(2 * (size_t)(an + 1));
  _Float16* sb = malloc(2 * (size_t)(bn + 1));
  memcpy(sa, a.data, 2 * (size_t)an);
  memcpy(sb, b.data, 2 * (size_t)bn);
  float* fa = to_float(a.data, an);
  float* fb = to_float(b.data, bn);
  double* want = malloc(sizeof(double) * (size_t)(n + 1));
  eok_binaryop_f16(a.data, b.data, y.data, c, h, w, pack, form, op, an, bn);
  eok_binaryop_f16(a.data, b.data, y2.data, c, h, w, pack, form, op, an, bn);
  golden_binaryop_exact(fa, fb, want, c, h, w, pack, form, op);
  char what[128];
  snprintf(what, sizeof what, "c=%ld h=%ld w=%ld pack=%ld form=%ld op=%ld%s", c, h, w, pack, form, op,
           ga ? " special grid" : specials ? " +specials" : "");
  HStats* st = op == 14 ? &k->lae : is_approx(op) ? &k->approx : &k->exact;
  for (long i = 0; i < n; ++i) {
    /* Rounded to fp16 first, so results beyond fp16's range are Inf or 0 as fp16 gives them. */
    if (op == 14) { /* its [[tolerance.when]] case */
      half_check_tol(st, what, i, (double)(_Float16)want[i], y.data[i], SPEC_TOL_OP_14_ABS,
                     SPEC_TOL_OP_14_REL, SPEC_TOL_OP_14_ULP, SPEC_TOL_OP_14_NAN_MATCH,
                     SPEC_TOL_OP_14_INF_MATCH);
    } else {
      half_check(st, what, i, (double)(_Float16)want[i], y.data[i]);
    }
  }
  if (memcmp(sa, a.data, 2 * (size_t)an) != 0 || memcmp(sb, b.data, 2 * (size_t)bn) != 0 ||
      !half_guards_ok(&a) || !half_guards_ok(&b)) {
    printf("FAIL %s: input modified or written outside\n", what);
    st->failures++;
  }
  if (!half_guards_ok(&y) || !half_guards_ok(&y2)) {
    printf("FAIL %s: write outside y\n", what);
    st->failures++;
  }
  if (memcmp(y.data, y2.data, 2 * (size_t)n) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(sa);
  free(sb);
  free(fa);
  free(fb);
  free(want);
  free(a.base);
  free(b.base);
  free(y.base);
  free(y2.base);
}

/* Exact ops must be exact, approximated ones within 1 fp16 ulp (half_check applied the spec's
 * 2-ulp bound; this is the stricter bound on ker0 itself). */
static long classes_print(const Classes* k, const char* what)
{
  char line[160];
  long bad = k->exact.failures + k->approx.failures + k->lae.failures;
  snprintf(line, sizeof line, "%s, exact ops", what);
  half_stats_print(&k->exact, line);
  snprintf(line, sizeof line, "%s, pow/atan2", what);
  half_stats_print(&k->approx, line);
  snprintf(line, sizeof line, "%s, logaddexp", what);
  half_stats_print(&k->lae, line);
  if (k->exact.not_rounded) {
    printf("FAIL %s: %ld exact-op results not correctly rounded\n", what, k->exact.not_rounded);
    bad++;
  }
  if (k->approx.max_ulp > 1) {
    printf("FAIL %s: pow/atan2 off by %ld fp16 ulps (at most 1)\n", what, k->approx.max_ulp);
    bad++;
  }
  return bad;
}

/* Every pair of these as (a, b): the zeros' signs, infinities, NaN, +-1, integers odd and
 * even, non-integers, values around 1, subnormals and fp16's extremes. */
static const float k_grid[] = {0.f,   -0.f,   INFINITY, -INFINITY,   NAN,        1.f,
                               -1.f,  2.f,    -2.f,     3.f,         -3.f,       0.5f,
                               -0.5f, 2.5f,   -2.5f,    1.0009766f,  0.99951172f, 0x1p-24f,
                               -0x1p-20f, 0x1p-14f, 65504.f, -65504.f, 11.f,    -16.f,
                               2047.f, -2047.f, 2048.f};
enum { grid_n = sizeof k_grid / sizeof k_grid[0] };

/* NCNN's op types. */
static const long k_ops[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
enum { num_ops = sizeof k_ops / sizeof k_ops[0] };

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Classes shapes = {0}, grid = {0}, extra = {0};
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
  _Float16 ga[grid_n * grid_n], gb[grid_n * grid_n];
  for (int i = 0; i < grid_n; ++i) {
    for (int j = 0; j < grid_n; ++j) {
      ga[i * grid_n + j] = (_Float16)k_grid[i];
      gb[i * grid_n + j] = (_Float16)k_grid[j];
    }
  }
  for (int o = 0; o < num_ops; ++o) {
    run_case(&grid, &rng, 1, grid_n, grid_n, 1, 0, k_ops[o], 0, ga, gb);
  }
  bad += classes_print(&grid, "special grid, every op");
  for (int s = 0; s < num_ops * 15 * 2; ++s) {
    long op = k_ops[s % num_ops], form = (s / num_ops) % 15;
    long pack = (s / (15 * num_ops)) % 2 ? 16 : 1;
    long c = 1 + (long)(rng_next(&rng) % 3), h = (long)(rng_next(&rng) % 6);
    long w = (long)(rng_next(&rng) % 8);
    run_case(&extra, &rng, c, h, w, pack, form, op, s % 3 == 0, NULL, NULL);
  }
  bad += classes_print(&extra, "random shapes, every op, form and pack");
  return bad ? 1 : 0;
}
