/* ker0 of kernels/nn/unaryop against its golden for every op of the spec: the test shapes
 * (inputs on the spec's 1/8 grid plus its specials), then random bit patterns and a grid
 * across int32 saturation. Ops other than RSQRT and RECIPROCAL must be exact, signed zeros
 * included; those two within the spec's tolerance. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "unaryop_spec.h"

void eok_unaryop_f32(const float* x, float* y, long n, long op);
double golden_unaryop(double x, long op);

static int approximate(long op) { return op == 6 || op == 15; }

static void run_case(Stats* st, const char* what, const float* input, long n, long op)
{
  Guarded x = guarded_alloc(n), y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x.data, input, sizeof(float) * (size_t)n);
  eok_unaryop_f32(x.data, y.data, n, op);
  eok_unaryop_f32(x.data, y2.data, n, op);
  for (long i = 0; i < n; ++i) {
    double want = golden_unaryop((double)input[i], op);
    if (check_value(st, what, i, (double)input[i], want, y.data[i]) && want == 0 &&
        y.data[i] == 0 && !signbit(want) != !signbit(y.data[i])) {
      if (st->failures < 10) {
        printf("FAIL %s [%ld]: input %.9g want %g got %g (sign of zero)\n", what, i,
               (double)input[i], want, (double)y.data[i]);
      }
      st->failures++;
    }
  }
  if (memcmp(x.data, input, sizeof(float) * (size_t)n) != 0 || !guarded_ok(&x) ||
      !guarded_ok(&y) || !guarded_ok(&y2) ||
      memcmp(y.data, y2.data, sizeof(float) * (size_t)n) != 0) {
    printf("FAIL %s n=%ld: input modified, write outside a buffer or second run differs\n", what, n);
    st->failures++;
  }
  guarded_free(&x);
  guarded_free(&y);
  guarded_free(&y2);
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  Stats shapes[2], sweep[2]; /* [0] exact ops, [1] RSQRT/RECIPROCAL */
  for (int k = 0; k < 2; ++k) {
    double rel = k ? SPEC_TOL_REL : 0.0;
    stats_init(&shapes[k], 0.0, rel, 0, SPEC_NAN_MATCH, SPEC_INF_MATCH);
    stats_init(&sweep[k], 0.0, rel, 0, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  }
  enum { k_chunk = 100003 };
  float* in = malloc(sizeof(float) * k_chunk);
  long steps = (long)((SPEC_X_HI - SPEC_X_LO) / SPEC_X_STEP) + 1;
  for (int p = 0; p < SPEC_PARAM_OP_COUNT; ++p) {
    long op = (long)spec_param_op_values[p];
    Stats* st = &shapes[approximate(op)];
    for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
      long n = spec_shapes[s][SPEC_SIZE_N];
      for (long i = 0; i < n; ++i) {
        in[i] = (float)(SPEC_X_LO + SPEC_X_STEP * (double)(long)(rng_next(&rng) % (uint64_t)steps));
      }
      for (int k = 0; k < SPEC_X_NUM_SPECIALS && n > 0; ++k) {
        in[rng_next(&rng) % (uint64_t)n] = spec_x_specials[k];
      }
      char what[64];
      snprintf(what, sizeof what, "shape n=%ld op=%ld", n, op);
      run_case(st, what, in, n, op);
    }
    char what[64];
    snprintf(what, sizeof what, "random bits op=%ld", op);
    for (long i = 0; i < k_chunk; ++i) {
      in[i] = rng_any_float(&rng);
    }
    run_case(&sweep[approximate(op)], what, in, k_chunk, op);
    /* Around +-2^31 (saturation), +-2^24 (fp32 integers) and small halves. */
    long m = 0;
    for (int e = 0; e < 3; ++e) {
      double c = e == 0 ? 2147483648.0 : e == 1 ? 16777216.0 : 0.0;
      for (int d = -300; d <= 300; ++d) {
        double v = c + (e == 2 ? d / 16.0 : d * 128.0);
        in[m++] = (float)v;
        in[m++] = (float)-v;
      }
    }
    snprintf(what, sizeof what, "grid op=%ld", op);
    run_case(&sweep[0 + approximate(op)], what, in, m, op);
  }
  free(in);
  stats_print(&shapes[0], "test shapes, exact ops");
  stats_print(&shapes[1], "test shapes, RSQRT and RECIPROCAL");
  stats_print(&sweep[0], "random bits and grids, exact ops");
  stats_print(&sweep[1], "random bits and grids, RSQRT and RECIPROCAL");
  int fail = 0;
  for (int k = 0; k < 2; ++k) {
    fail |= shapes[k].failures || sweep[k].failures;
  }
  return fail;
}
