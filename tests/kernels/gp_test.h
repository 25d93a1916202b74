/* The ker0-vs-golden test of an exact integer kernel (kernels/gp/), driven by the spec's
 * argument table (gen_spec.py): on every test shape (each spec has a large one; the perf
 * shape is the evaluator's, left out to keep CI time down), with several seeds,
 * inputs drawn by each argument's generator, the kernel and its scalar golden (same
 * signature) run on copies; then
 *   - every output matches the golden exactly (a counted output up to its count, and the
 *     count itself),
 *   - nothing is written outside a buffer, nor past a reported count,
 *   - `in` buffers are unchanged,
 *   - a second run gives the same outputs.
 * A test file includes its spec header, declares the kernel and golden, defines GP_KERNEL
 * and GP_GOLDEN and includes this file. GP_EXTRA_CHECK(p, s), if defined, runs on the
 * kernel's buffers after each case and returns the number of failures it printed.
 * GP_VARIANTS, if defined, repeats everything with gp_variant = 0 .. GP_VARIANTS-1 (for a
 * param the test loops over, read by the test's wrappers of kernel and golden). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#ifndef GP_SEEDS
#define GP_SEEDS 3
#endif

enum { GP_GUARD = 64 };
enum { GP_IN, GP_OUT, GP_INOUT, GP_SIZE, GP_PARAM, GP_SCRATCH };
enum { GP_UNIFORM, GP_SORTED, GP_SORTED_DUPS, GP_UNIQUE, GP_SORTED_UNIQUE, GP_NEARLY_SORTED,
       GP_PERMUTATION, GP_OFFSETS, GP_IOTA };

static const int gp_esize[] = {4, 2, 4, 8, 1};
static int gp_variant;
#ifndef GP_VARIANTS
#define GP_VARIANTS 1
#endif

static int gp_cmp(const void* x, const void* y)
{
  long long a = *(const long long*)x, b = *(const long long*)y;
  return (a > b) - (a < b);
}

static long long gp_draw(Rng* r, long long lo, long long hi)
{
  return lo + (long long)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static void gp_shuffle(long long* v, long n, Rng* r)
{
  for (long i = n - 1; i > 0; --i) {
    long j = (long)(rng_next(r) % (uint64_t)(i + 1));
    long long t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

/* kernels/FORMAT.md's generators, written independently of the evaluator's harness. */
static void gp_generate(long long* v, long n, int gen, long long lo, long long hi, Rng* r)
{
  if (n == 0) {
    return;
  }
  if (gen == GP_PERMUTATION || gen == GP_IOTA) {
    for (long i = 0; i < n; ++i) {
      v[i] = (gen == GP_IOTA ? lo : 0) + i;
    }
    if (gen == GP_PERMUTATION) {
      gp_shuffle(v, n, r);
    }
    return;
  }
  if (gen == GP_UNIQUE || gen == GP_SORTED_UNIQUE) {
    for (long i = 0; i < n; ++i) {
      v[i] = gp_draw(r, lo, hi - (n - 1));
    }
    qsort(v, (size_t)n, sizeof *v, gp_cmp);
    for (long i = 0; i < n; ++i) {
      v[i] += i;
    }
    if (gen == GP_UNIQUE) {
      gp_shuffle(v, n, r);
    }
    return;
  }
  for (long i = 0; i < n; ++i) {
    v[i] = gp_draw(r, lo, hi);
  }
  if (gen == GP_UNIFORM) {
    return;
  }
  qsort(v, (size_t)n, sizeof *v, gp_cmp);
  if (gen == GP_SORTED_DUPS) {
    for (long i = 0; i < n;) {
      long run = 1 + (long)(rng_next(r) % 8);
      for (long j = i + 1; j < i + run && j < n; ++j) {
        v[j] = v[i];
      }
      i += run;
    }
  } else if (gen == GP_NEARLY_SORTED) {
    for (long k = 0; k < n / 16 + 1; ++k) {
      long i = (long)(rng_next(r) % (uint64_t)n), j = i + 1 + (long)(rng_next(r) % 8);
      if (j < n) {
        long long t = v[i];
        v[i] = v[j];
        v[j] = t;
      }
    }
  } else if (gen == GP_OFFSETS) {
    v[0] = lo;
    for (long i = 1; i < n; ++i) {
      if (rng_next(r) % 8 == 0) {
        v[i] = v[i - 1];
      }
    }
    if (n >= 4) {
      v[1] = v[0];
      v[n / 2] = v[n / 2 - 1];
      v[n - 1] = hi;
    }
  }
}

static void gp_put(unsigned char* p, int kind, long long v)
{
  if (kind == 2) {
    int32_t x = (int32_t)v;
    memcpy(p, &x, 4);
  } else if (kind == 3) {
    int64_t x = (int64_t)v;
    memcpy(p, &x, 8);
  } else if (kind == 4) {
    *p = (unsigned char)v;
  }
}

static long long gp_get(const unsigned char* p, int kind)
{
  if (kind == 2) {
    int32_t x;
    memcpy(&x, p, 4);
    return x;
  }
  if (kind == 3) {
    int64_t x;
    memcpy(&x, p, 8);
    return x;
  }
  return *p;
}

typedef struct {
  unsigned char* base[SPEC_NUM_ARGS];
  void* data[SPEC_NUM_ARGS];
  size_t bytes[SPEC_NUM_ARGS];
} GpBufs;

static unsigned char gp_guard(size_t i) { return (unsigned char)(0x5a ^ (i * 29u)); }

/* Buffers for shape s: inputs generated with rng (the same stream gives the same data),
 * outputs and scratch filled with a seeded pattern, guard bytes either side. */
static void gp_alloc(GpBufs* b, int s, uint64_t seed)
{
  for (int a = 0; a < SPEC_NUM_ARGS; ++a) {
    b->base[a] = NULL;
    b->data[a] = NULL;
    if (spec_arg_role[a] == GP_SIZE || spec_arg_role[a] == GP_PARAM) {
      continue;
    }
    long n = spec_arg_len[s][a];
    size_t bytes = (size_t)n * (size_t)gp_esize[spec_arg_kind[a]];
    b->base[a] = malloc(bytes + 2 * GP_GUARD);
    if (!b->base[a]) {
      fprintf(stderr, "out of memory\n");
      exit(2);
    }
    b->bytes[a] = bytes;
    b->data[a] = b->base[a] + GP_GUARD;
    for (size_t i = 0; i < GP_GUARD; ++i) {
      b->base[a][i] = gp_guard(i);
      b->base[a][GP_GUARD + bytes + i] = gp_guard(i + 7);
    }
    Rng r = {seed * 1000003u + (uint64_t)a * 7919u + (uint64_t)s};
    unsigned char* d = b->data[a];
    if (spec_arg_role[a] == GP_IN || spec_arg_role[a] == GP_INOUT) {
      long long* v = malloc(sizeof(long long) * (size_t)(n + 1));
      gp_generate(v, n, spec_arg_gen[a], spec_arg_lo[s][a], spec_arg_hi[s][a], &r);
      for (long i = 0; i < n; ++i) {
        gp_put(d + (size_t)i * (size_t)gp_esize[spec_arg_kind[a]], spec_arg_kind[a], v[i]);
      }
      free(v);
    } else {
      for (size_t i = 0; i < bytes; ++i) {
        d[i] = (unsigned char)rng_next(&r);
      }
    }
  }
}

static void gp_free(GpBufs* b)
{
  for (int a = 0; a < SPEC_NUM_ARGS; ++a) {
    free(b->base[a]);
  }
}

static int gp_is_output(int a) { return spec_arg_role[a] == GP_OUT || spec_arg_role[a] == GP_INOUT; }

/* The valid length of output a (its count, or its whole length). */
static long gp_valid(const GpBufs* b, int a, int s)
{
  int c = spec_arg_count[a];
  return c < 0 ? spec_arg_len[s][a] : (long)gp_get(b->data[c], spec_arg_kind[c]);
}

static int gp_check(const char* what, const GpBufs* got, const GpBufs* want, const GpBufs* initial, int s)
{
  int failures = 0;
  for (int a = 0; a < SPEC_NUM_ARGS && !failures; ++a) {
    if (!got->base[a]) {
      continue;
    }
    size_t bytes = got->bytes[a];
    for (size_t i = 0; i < GP_GUARD; ++i) {
      if (got->base[a][i] != gp_guard(i) || got->base[a][GP_GUARD + bytes + i] != gp_guard(i + 7)) {
        printf("FAIL %s: write outside %s\n", what, spec_arg_names[a]);
        failures++;
        break;
      }
    }
    if (spec_arg_role[a] == GP_IN && memcmp(got->data[a], initial->data[a], bytes) != 0) {
      printf("FAIL %s: input %s modified\n", what, spec_arg_names[a]);
      failures++;
    }
    if (!gp_is_output(a)) {
      continue;
    }
    int kind = spec_arg_kind[a], es = gp_esize[kind];
    long len = spec_arg_len[s][a], valid = gp_valid(got, a, s), expect = gp_valid(want, a, s);
    if (valid != expect || valid < 0 || valid > len) {
      printf("FAIL %s: %s has %ld valid elements, expected %ld (capacity %ld)\n", what, spec_arg_names[a], valid, expect, len);
      failures++;
      continue;
    }
    const unsigned char* g = got->data[a];
    const unsigned char* w = want->data[a];
    for (long i = 0; i < valid; ++i) {
      if (memcmp(g + (size_t)i * (size_t)es, w + (size_t)i * (size_t)es, (size_t)es) != 0) {
        printf("FAIL %s: %s[%ld] = %lld, expected %lld\n", what, spec_arg_names[a], i, gp_get(g + (size_t)i * (size_t)es, kind),
               gp_get(w + (size_t)i * (size_t)es, kind));
        failures++;
        break;
      }
    }
    const unsigned char* before = initial->data[a];
    if (memcmp(g + (size_t)valid * (size_t)es, before + (size_t)valid * (size_t)es, (size_t)(len - valid) * (size_t)es) != 0) {
      printf("FAIL %s: %s written past its count %ld\n", what, spec_arg_names[a], valid);
      failures++;
    }
  }
  return failures;
}

static void gp_describe(char* out, size_t size, int s, uint64_t seed)
{
  int n = snprintf(out, size, "shape seed %llu variant %d:", (unsigned long long)seed, gp_variant);
  for (int i = 0; i < SPEC_NUM_SIZES && n > 0 && (size_t)n < size; ++i) {
    n += snprintf(out + n, size - (size_t)n, " %s=%ld", spec_size_names[i], spec_shapes[s][i]);
  }
}

int main(void)
{
  long cases = 0, failures = 0;
  for (gp_variant = 0; gp_variant < GP_VARIANTS; ++gp_variant)
  for (int s = 0; s < SPEC_NUM_SHAPES; ++s) {
    for (uint64_t seed = 1; seed <= GP_SEEDS; ++seed) {
      GpBufs initial, got, again, want;
      gp_alloc(&initial, s, seed);
      gp_alloc(&got, s, seed);
      gp_alloc(&again, s, seed);
      gp_alloc(&want, s, seed);
      SPEC_CALL(GP_KERNEL, got.data, s);
      SPEC_CALL(GP_GOLDEN, want.data, s);
      char what[160];
      gp_describe(what, sizeof what, s, seed);
      int f = gp_check(what, &got, &want, &initial, s);
#ifdef GP_EXTRA_CHECK
      if (!f) {
        f += GP_EXTRA_CHECK(got.data, s);
      }
#endif
      if (!f) {
        SPEC_CALL(GP_KERNEL, again.data, s);
        for (int a = 0; a < SPEC_NUM_ARGS; ++a) {
          if (gp_is_output(a) && memcmp(again.data[a], got.data[a], got.bytes[a]) != 0) {
            printf("FAIL %s: a second run differs in %s\n", what, spec_arg_names[a]);
            f++;
          }
        }
      }
      failures += f;
      cases++;
      gp_free(&initial);
      gp_free(&got);
      gp_free(&again);
      gp_free(&want);
    }
  }
  printf("%ld cases (test shapes x %d seeds x %d variants), %ld failing\n", cases, GP_SEEDS, GP_VARIANTS, failures);
  return failures ? 1 : 0;
}
