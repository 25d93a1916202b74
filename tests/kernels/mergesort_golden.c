/* Scalar golden for kernels/gp/mergesort: libc qsort on (key, original position) pairs,
 * so equal keys are ordered by position: the stable order, whatever qsort does; test-only. */
#include <stdlib.h>

#include "gp_golden.h"

typedef struct {
  int key, pos;
} Pair;

static int by_key_then_position(const void* x, const void* y)
{
  const Pair* a = x;
  const Pair* b = y;
  if (a->key != b->key) {
    return a->key < b->key ? -1 : 1;
  }
  return (a->pos > b->pos) - (a->pos < b->pos);
}

void golden_mergesort(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n)
{
  (void)tmp_k;
  (void)tmp_v;
  Pair* p = malloc(sizeof(Pair) * (size_t)(n + 1));
  for (long i = 0; i < n; ++i) {
    p[i].key = keys_in[i];
    p[i].pos = (int)i;
  }
  qsort(p, (size_t)n, sizeof(Pair), by_key_then_position);
  for (long i = 0; i < n; ++i) {
    keys[i] = p[i].key;
    vals[i] = vals_in[p[i].pos];
  }
  free(p);
}
