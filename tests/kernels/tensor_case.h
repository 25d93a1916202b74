/* One ker0-vs-golden case of a tensor kernel with several fp32 inputs and one fp32 output:
 * guarded buffers, the inputs saved before the run, and after it the checks every tensor
 * test makes (output against the golden, inputs unchanged, nothing written outside a
 * buffer, a second run identical). */
#pragma once
#include "check.h"

enum { case_max_inputs = 6 };

typedef struct {
  int num_in;
  Guarded in[case_max_inputs];
  float* saved[case_max_inputs];
  Guarded out, out2; /* the kernel writes out, then out2 on a second run */
  double* want;      /* the golden fills want[0..nout) */
  long nout;
} Case;

/* Allocates num_in inputs of in_lens[i] floats and the outputs; fill c->in[i].data next. */
void case_begin(Case* c, int num_in, const long* in_lens, long nout);
/* Fills input i from the generator: uniform in [lo, hi] plus the specials. */
void case_fill(Case* c, Rng* r, int i, double lo, double hi, const float* specials,
               int num_specials);
/* Call once the inputs are filled, before the kernel runs. */
void case_save(Case* c);
/* Call after the kernel wrote out and out2 and the golden wrote want; frees the case. */
void case_end(Case* c, Stats* st, const char* what);
