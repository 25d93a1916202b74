/* ker0 of kernels/nn/unaryop_f16 against its golden (tests/kernels/unaryop_f16_golden.c) for
 * every op of the spec: the spec's test shapes (its 1/8 grid and fp16 specials), then all
 * 65536 fp16 bit patterns for ker0 at the default EOK_LMUL (8), every 7th for ker0 at the
 * other LMULs and for the planted candidates (CI time: the widened ops' code is the same at
 * every LMUL, the tails are the shapes'). Unlike the
 * fp32 task, SIN/COS/TAN are checked at every input: fp16's largest, 65504, is within the
 * fp32 reduction's accurate range (its steps are fused multiply-adds). Tolerances per op in fp16 ulps against the golden rounded to fp16
 * (plus an absolute floor where the fp32 form cancels), justified in the kernel.toml; the
 * exact ops must be exact, signed zeros included. Also checks that x is unchanged, nothing is
 * written outside y, and a second run is identical. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "unaryop_f16_spec.h"

void eok_unaryop_f16(const _Float16* x, _Float16* y, long n, long op);
double golden_unaryop_f16(double x, long op);

enum { k_ops = 28, k_guard = 64 };

/* fp16 ulps, or |err| <= abs. RSQRT and RECIPROCAL: the fp16 Newton step rounds each of its
 * products to fp16. SIN and COS in octants up to 16 (|x| <= ~12.96) are NCNN's fp16-arithmetic
 * sincos, within 5 and 2 ulps there (a Python model of it, every step rounded to fp16: 5 and 2
 * at most below 16); beyond, widened and within 1. The widened ops are the fp32 task's, rounded once; abs 2^-22 is the fp32
 * forms' cancellation (exp(x) - 1, log(1 + x) and log(|x| + sqrt(x^2 + 1)) near 0). */
static const struct {
  int ulp;
  double abs;
} tol[k_ops] = {
    [6] = {6, 0},  [15] = {6, 0},  [7] = {1, 0},  [8] = {1, 0},  [9] = {5, 0x1p-26},
    [10] = {2, 0x1p-26}, [11] = {1, 0x1p-26}, [12] = {1, 0}, [13] = {1, 0}, [14] = {1, 0},
    [16] = {1, 0}, [17] = {1, 0}, [21] = {1, 0x1p-22}, [22] = {1, 0x1p-22},
    [23] = {1, 0x1p-22}, [24] = {1, 0}, [25] = {1, 0x1p-22}, [26] = {1, 0x1p-22},
    [27] = {1, 0x1p-22},
};

typedef struct {
  long checked, failures, not_rounded, max_ulp;
} HStats;
static HStats stats[k_ops];

/* Monotone integer image of an fp16 value's bits, so ulp distance is a difference. */
static long ordered(_Float16 h)
{
  uint16_t b;
  memcpy(&b, &h, 2);
  return b & 0x8000u ? -(long)(b & 0x7fffu) : (long)b;
}

static void check_half(HStats* st, const char* what, long i, _Float16 in, _Float16 got, long op)
{
  double want = golden_unaryop_f16((double)in, op);
  _Float16 want_h = (_Float16)want;
  double g = (double)got, w = (double)want_h;
  int ok;
  st->checked++;
  if (isnan(w) || isnan(g)) {
    ok = isnan(w) && isnan(g);
  } else if (isinf(w) || isinf(g)) {
    ok = w == g;
  } else {
    long ulps = labs(ordered(got) - ordered(want_h));
    ok = ulps <= tol[op].ulp || fabs(g - want) <= tol[op].abs;
    if (w == 0 && g == 0 && !signbit(w) != !signbit(g)) {
      ok = 0; /* the sign of a zero is part of the result */
    }
    st->not_rounded += ulps != 0;
    if (ulps > st->max_ulp) {
      st->max_ulp = ulps;
    }
  }
  if (!ok) {
    if (st->failures < 10) {
      printf("FAIL %s [%ld]: input %.9g want %.9g (fp16 %.9g) got %.9g\n", what, i, (double)in,
             want, w, g);
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

static void run_case(const char* what, const _Float16* in, long n, long op)
{
  HStats* st = &stats[op];
  unsigned char *bx, *by, *by2;
  _Float16* x = guarded(n, &bx);
  _Float16* y = guarded(n, &by);
  _Float16* y2 = guarded(n, &by2);
  memcpy(x, in, 2 * (size_t)n);
  eok_unaryop_f16(x, y, n, op);
  for (long i = 0; i < n; ++i) {
    check_half(st, what, i, in[i], y[i], op);
  }
  eok_unaryop_f16(x, y2, n, op);
  if (memcmp(x, in, 2 * (size_t)n) != 0 || !guards_ok(bx, n) || !guards_ok(by, n) ||
      !guards_ok(by2, n) || memcmp(y, y2, 2 * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified, write outside a buffer or second run differs\n", what, n);
    st->failures++;
  }
  free(bx);
  free(by);
  free(by2);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  long steps = (long)((SPEC_X_HI - SPEC_X_LO) / SPEC_X_STEP) + 1;
#if defined(EOK_LMUL) && EOK_LMUL == 8
  const long stride = 1;
#else
  const long stride = 7;
#endif
  _Float16* all = malloc(2 * 65536);
  for (long i = 0; i < 65536 / stride; ++i) {
    uint16_t b = (uint16_t)(i * stride);
    memcpy(&all[i], &b, 2);
  }
  int covered[k_ops] = {0};
  for (int p = 0; p < SPEC_PARAM_OP_COUNT; ++p) {
    long op = (long)spec_param_op_values[p];
    covered[op] = 1;
    char what[64];
    for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
      long n = spec_shapes[s][SPEC_SIZE_N];
      _Float16* in = malloc(2 * (size_t)(n + 1));
      for (long i = 0; i < n; ++i) {
        in[i] = (_Float16)(SPEC_X_LO + SPEC_X_STEP * (double)(long)(rng_next(&rng) % (uint64_t)steps));
      }
      for (int k = 0; k < SPEC_X_NUM_SPECIALS && n > 0; ++k) {
        in[rng_next(&rng) % (uint64_t)n] = (_Float16)spec_x_specials[k];
      }
      snprintf(what, sizeof what, "shape n=%ld op=%ld", n, op);
      run_case(what, in, n, op);
      free(in);
    }
    snprintf(what, sizeof what, "all fp16 op=%ld", op);
    run_case(what, all, 65536 / stride, op);
  }
  free(all);
  int fail = 0;
  for (int op = 0; op < k_ops; ++op) {
    if (!covered[op]) {
      printf("FAIL op=%d: not among the spec's op values\n", op);
      fail = 1;
      continue;
    }
    printf("op=%d: %ld values, %ld failures, %ld not correctly rounded, max %ld ulp (fp16)\n", op,
           stats[op].checked, stats[op].failures, stats[op].not_rounded, stats[op].max_ulp);
    fail |= stats[op].failures != 0;
  }
  return fail;
}
