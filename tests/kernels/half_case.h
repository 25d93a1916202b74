/* One ker0-vs-golden case of an fp16 tensor kernel (fp16 storage): inputs that are fp16 or
 * fp32 buffers, one fp16 output. Inputs are drawn as the fp32 tests draw them, then rounded
 * to fp16 for fp16 inputs; `f[i]` holds every input as floats (exact), so the fp32 task's
 * double golden runs on the same values. After the run the checks every tensor test makes:
 * output against the golden (the spec's abs/rel rule, or within SPEC-given fp16 ulps of the
 * golden on fp16's own value line), inputs unchanged, nothing written outside a buffer, a
 * second run identical. Header-only (static functions): included by one test file each. */
#pragma once
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { hcase_max_inputs = 6, hcase_guard = 128 /* bytes each side */ };

typedef struct {
  unsigned char* base;
  void* data;
  long n, elem; /* elements, bytes per element */
} HBuf;

typedef struct {
  long checked, failures, max_ulp;
  double max_abs;
} HStats;

typedef struct {
  int num_in;
  int half[hcase_max_inputs];
  HBuf in[hcase_max_inputs];
  float* f[hcase_max_inputs]; /* the inputs as floats, for the golden */
  unsigned char* saved[hcase_max_inputs];
  HBuf out, out2;
  double* want;
  long nout;
} HCase;

static HBuf hbuf_alloc(long n, long elem)
{
  HBuf b = {malloc((size_t)(n * elem + 2 * hcase_guard)), NULL, n, elem};
  if (!b.base) {
    exit(2);
  }
  memset(b.base, 0xa7, (size_t)(n * elem + 2 * hcase_guard));
  b.data = b.base + hcase_guard;
  return b;
}

static int hbuf_ok(const HBuf* b)
{
  const unsigned char* tail = b->base + hcase_guard + b->n * b->elem;
  for (long i = 0; i < hcase_guard; ++i) {
    if (b->base[i] != 0xa7 || tail[i] != 0xa7) {
      return 0;
    }
  }
  return 1;
}

/* Position on the line of all fp16 values from an exact double (as the evaluator's
 * half_position): ulp distances are differences of positions, fp16 subnormals included. */
static long half_pos(double v)
{
  double a = fabs(v);
  long mag;
  if (a >= 0x1p-14) {
    int e = 0;
    double m = frexp(a, &e);
    mag = (long)(e + 14) << 10 | (long)((m * 2 - 1) * 1024);
  } else {
    mag = (long)(a * 0x1p24);
  }
  return signbit(v) ? -mag : mag;
}

/* is_half[i]: input i is an fp16 buffer (else fp32). */
static void hcase_begin(HCase* c, int num_in, const long* lens, const int* is_half, long nout)
{
  memset(c, 0, sizeof *c);
  c->num_in = num_in;
  for (int i = 0; i < num_in; ++i) {
    c->half[i] = is_half[i];
    c->in[i] = hbuf_alloc(lens[i], is_half[i] ? 2 : 4);
    c->f[i] = malloc(sizeof(float) * (size_t)(lens[i] + 1));
    if (!c->f[i]) {
      exit(2);
    }
  }
  c->out = hbuf_alloc(nout, 2);
  c->out2 = hbuf_alloc(nout, 2);
  c->nout = nout;
  c->want = malloc(sizeof(double) * (size_t)(nout + 1));
  if (!c->want) {
    exit(2);
  }
}

static _Float16* hcase_h(HCase* c, int i) { return (_Float16*)c->in[i].data; }

/* Input i uniform in [lo, hi] plus the specials (rounded to fp16 for an fp16 input). */
static void hcase_fill(HCase* c, Rng* r, int i, double lo, double hi, const float* specials,
                       int num_specials)
{
  float* f = c->f[i];
  fill_inputs(r, f, c->in[i].n, lo, hi, specials, num_specials);
  for (long k = 0; k < c->in[i].n; ++k) {
    if (c->half[i]) {
      _Float16 h = (_Float16)f[k];
      f[k] = (float)h;
      hcase_h(c, i)[k] = h;
    } else {
      ((float*)c->in[i].data)[k] = f[k];
    }
  }
}

/* Call once the inputs are filled, before the kernel runs. */
static void hcase_save(HCase* c)
{
  for (int i = 0; i < c->num_in; ++i) {
    size_t bytes = (size_t)(c->in[i].n * c->in[i].elem);
    c->saved[i] = malloc(bytes + 1);
    if (!c->saved[i]) {
      exit(2);
    }
    memcpy(c->saved[i], c->in[i].data, bytes);
  }
}

static void hstats_init(HStats* s) { memset(s, 0, sizeof *s); }

/* The spec's rule, with ulps counted on fp16's value line against the exact golden. */
static int hcheck(HStats* s, const char* what, long i, double want, _Float16 got_h)
{
  double got = (double)got_h;
  int ok;
  s->checked++;
  if (isnan(want) || isnan(got)) {
    ok = !SPEC_NAN_MATCH || (isnan(want) && isnan(got));
  } else if (isinf(want) || isinf(got)) {
    /* A finite golden past fp16's range rounds to Inf in an fp16 output. */
    ok = !SPEC_INF_MATCH || (double)(_Float16)want == got;
  } else {
    double err = fabs(got - want);
    long ulps = labs(half_pos(got) - half_pos(want));
    ok = err <= SPEC_TOL_ABS + SPEC_TOL_REL * fabs(want) || ulps <= SPEC_TOL_ULP;
    if (err > s->max_abs) {
      s->max_abs = err;
    }
    if (ulps > s->max_ulp) {
      s->max_ulp = ulps;
    }
  }
  if (!ok) {
    if (s->failures < 10) {
      printf("FAIL %s [%ld]: want %.9g (fp16 %.9g) got %.9g\n", what, i, want,
             (double)(_Float16)want, got);
    }
    s->failures++;
  }
  return ok;
}

/* Call after the kernel wrote out and out2 and the golden wrote want; frees the case. */
static void hcase_end(HCase* c, HStats* st, const char* what)
{
  const _Float16* y = (const _Float16*)c->out.data;
  for (long i = 0; i < c->nout; ++i) {
    hcheck(st, what, i, c->want[i], y[i]);
  }
  int modified = 0, outside = !hbuf_ok(&c->out) || !hbuf_ok(&c->out2);
  for (int i = 0; i < c->num_in; ++i) {
    modified |= memcmp(c->saved[i], c->in[i].data, (size_t)(c->in[i].n * c->in[i].elem)) != 0;
    outside |= !hbuf_ok(&c->in[i]);
    free(c->saved[i]);
    free(c->f[i]);
    free(c->in[i].base);
  }
  if (modified) {
    printf("FAIL %s: input modified\n", what);
    st->failures++;
  }
  if (outside) {
    printf("FAIL %s: write outside a buffer\n", what);
    st->failures++;
  }
  if (memcmp(c->out.data, c->out2.data, 2 * (size_t)c->nout) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  free(c->out.base);
  free(c->out2.base);
  free(c->want);
}

static void hstats_print(const HStats* s, const char* what)
{
  printf("%s: %ld values, %ld failures, max abs err %.3g, max %ld fp16 ulp\n", what, s->checked,
         s->failures, s->max_abs, s->max_ulp);
}
