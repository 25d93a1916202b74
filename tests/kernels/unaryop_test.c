/* ker0 of kernels/nn/unaryop against its golden for every op of the spec: the test shapes
 * (inputs on the spec's 1/8 grid plus its specials), then random bit patterns, a grid across
 * int32 saturation, magnitudes 2^-40 .. 2^10 of both signs (the small-|x| branches and
 * cancellations), and each op's edges (domain ends, exp's clamp, the trig range).
 * Tolerances are per op (below, justified in the kernel.toml): exact ops must be exact,
 * signed zeros included. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "unaryop_spec.h"

void eok_unaryop_f32(const float* x, float* y, long n, long op);
double golden_unaryop(double x, long op);
int golden_unaryop_checked(double x, long op);

enum { k_ops = 28 };

/* Per op type: fp32 ulps against the golden rounded to fp32, or |err| <= abs + rel |want|.
 * abs 2^-23 (an ulp of 1) is the cancellation of NCNN's forms exp(x) - 1, log(1 + x) and
 * log(|x| + sqrt(x^2 + 1)) at small |x|. */
static const struct {
  int ulp;
  double abs, rel;
} tol[k_ops] = {
    [6] = {0, 0, 1.2e-4},        [15] = {0, 0, 1.2e-4}, /* one Newton step: 2^-14 + roundings */
    [7] = {2, 0, 0},             /* exp (measured 1 ulp) */
    [8] = {2, 0, 0},             /* log (1) */
    [9] = {2, 0x1p-30, 0},       /* sin (1): |x| <= 8192, reduction exact to about 2^-30 */
    [10] = {2, 0x1p-30, 0},      /* cos (1) */
    [11] = {4, 0x1p-30, 0},      /* tan = sin / cos (3) */
    [12] = {2, 0, 0},            /* asin, libm (1) */
    [13] = {2, 0, 0},            /* acos */
    [14] = {2, 0, 0},            /* atan */
    [16] = {6, 0, 0},            /* tanh: rational function and a division (4) */
    [17] = {3, 0, 0},            /* log10 = log * fp32(1/ln 10) (2) */
    [21] = {4, 0x1p-23, 0},      /* expm1 */
    [22] = {4, 0x1p-23, 0},      /* sinh */
    [23] = {4, 0x1p-22, 0},      /* asinh: 1 + x^2, sqrt, + |x|, log */
    [24] = {3, 0, 0},            /* cosh (1) */
    [25] = {4, 0x1p-22, 0},      /* acosh */
    [26] = {4, 0x1p-23, 0},      /* atanh */
    [27] = {4, 0x1p-23, 0},      /* log1p */
};

static Stats stats[k_ops];

static void run_case(const char* what, const float* input, long n, long op)
{
  Stats* st = &stats[op];
  Guarded x = guarded_alloc(n), y = guarded_alloc(n), y2 = guarded_alloc(n);
  memcpy(x.data, input, sizeof(float) * (size_t)n);
  eok_unaryop_f32(x.data, y.data, n, op);
  eok_unaryop_f32(x.data, y2.data, n, op);
  for (long i = 0; i < n; ++i) {
    if (!golden_unaryop_checked((double)input[i], op)) {
      continue;
    }
    double want = golden_unaryop((double)input[i], op);
    /* Outputs below FLT_MIN are forgiven (exp's underflow, asinh of a denormal). */
    if (fabs(want) < FLT_MIN && fabs((double)y.data[i]) < FLT_MIN && want != 0) {
      continue;
    }
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

/* Values around each op's edges: +-1 and its neighbours, exp's clamp and underflow, the
 * trig range's end, multiples of pi/2, the tiny branches' 1e-4. */
static long edges(float* in)
{
  static const float centre[] = {1.f,      88.3762626647949f, 88.7f,   87.68f,   8192.f,
                                 1.5707964f, 3.1415927f,       1e-4f,   1e19f,    0x1p-126f};
  long m = 0;
  for (size_t c = 0; c < sizeof centre / sizeof centre[0]; ++c) {
    float up = centre[c], down = centre[c];
    for (int k = 0; k < 40; ++k) {
      in[m++] = up;
      in[m++] = -up;
      in[m++] = down;
      in[m++] = -down;
      up = nextafterf(up, INFINITY);
      down = nextafterf(down, 0);
    }
  }
  return m;
}

int main(int argc, char** argv)
{
  Rng rng = {argc > 1 ? strtoull(argv[1], NULL, 0) : 0x5eedull};
  for (int op = 0; op < k_ops; ++op) {
    stats_init(&stats[op], tol[op].abs, tol[op].rel, tol[op].ulp, SPEC_NAN_MATCH, SPEC_INF_MATCH);
  }
  enum { k_chunk = 8009 };
  float* in = malloc(sizeof(float) * k_chunk);
  long steps = (long)((SPEC_X_HI - SPEC_X_LO) / SPEC_X_STEP) + 1;
  int covered[k_ops] = {0};
  for (int p = 0; p < SPEC_PARAM_OP_COUNT; ++p) {
    long op = (long)spec_param_op_values[p];
    covered[op] = 1;
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
      run_case(what, in, n, op);
    }
    char what[64];
    snprintf(what, sizeof what, "random bits op=%ld", op);
    for (long i = 0; i < k_chunk; ++i) {
      in[i] = rng_any_float(&rng);
    }
    run_case(what, in, k_chunk, op);
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
    run_case(what, in, m, op);
    for (m = 0; m < 2000; ++m) {
      double u = rng_uniform(&rng, -40.0, 10.0);
      in[m] = (float)((m & 1 ? -1 : 1) * exp2(u));
    }
    m += edges(in + m);
    snprintf(what, sizeof what, "magnitudes and edges op=%ld", op);
    run_case(what, in, m, op);
  }
  free(in);
  int fail = 0;
  for (int op = 0; op < k_ops; ++op) {
    if (!covered[op]) {
      printf("FAIL op=%d: not among the spec's op values\n", op);
      fail = 1;
      continue;
    }
    char what[32];
    snprintf(what, sizeof what, "op=%d", op);
    stats_print(&stats[op], what);
    fail |= stats[op].failures != 0;
  }
  return fail;
}
