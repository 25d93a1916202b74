#include "tensor_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void case_begin(Case* c, int num_in, const long* in_lens, long nout)
{
  memset(c, 0, sizeof *c);
  c->num_in = num_in;
  for (int i = 0; i < num_in; ++i) {
    c->in[i] = guarded_alloc(in_lens[i]);
  }
  c->out = guarded_alloc(nout);
  c->out2 = guarded_alloc(nout);
  c->nout = nout;
  c->want = malloc(sizeof(double) * (size_t)(nout + 1));
  if (!c->want) {
    exit(2);
  }
}

void case_fill(Case* c, Rng* r, int i, double lo, double hi, const float* specials,
               int num_specials)
{
  fill_inputs(r, c->in[i].data, c->in[i].n, lo, hi, specials, num_specials);
}

void case_save(Case* c)
{
  for (int i = 0; i < c->num_in; ++i) {
    c->saved[i] = malloc(sizeof(float) * (size_t)(c->in[i].n + 1));
    if (!c->saved[i]) {
      exit(2);
    }
    memcpy(c->saved[i], c->in[i].data, sizeof(float) * (size_t)c->in[i].n);
  }
}

void case_end(Case* c, Stats* st, const char* what)
{
  for (long i = 0; i < c->nout; ++i) {
    check_value(st, what, i, 0.0, c->want[i], c->out.data[i]);
  }
  int modified = 0, outside = !guarded_ok(&c->out) || !guarded_ok(&c->out2);
  for (int i = 0; i < c->num_in; ++i) {
    modified |= memcmp(c->saved[i], c->in[i].data, sizeof(float) * (size_t)c->in[i].n) != 0;
    outside |= !guarded_ok(&c->in[i]);
    free(c->saved[i]);
    guarded_free(&c->in[i]);
  }
  if (modified) {
    printf("FAIL %s: input modified\n", what);
    st->failures++;
  }
  if (outside) {
    printf("FAIL %s: write outside a buffer\n", what);
    st->failures++;
  }
  if (memcmp(c->out.data, c->out2.data, sizeof(float) * (size_t)c->nout) != 0) {
    printf("FAIL %s: second run differs\n", what);
    st->failures++;
  }
  guarded_free(&c->out);
  guarded_free(&c->out2);
  free(c->want);
}
