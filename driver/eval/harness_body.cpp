// The fixed part of the generated harness (see harness.hpp for its protocol).
#include <string>

namespace eok::eval {

std::string harness_body()
{
  return R"HARNESS(#define EOK_GUARD 256
#define EOK_FAULT 3

static uint64_t mix(uint64_t z)
{
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
typedef struct { uint64_t s; } Rng;
static uint64_t next(Rng* r) { r->s += 0x9e3779b97f4a7c15ULL; return mix(r->s); }
static double uniform(Rng* r) { return (double)(next(r) >> 11) * 0x1.0p-53; }
static Rng stream(uint64_t seed, int shape, int arg, int what)
{
  Rng r = {mix(seed ^ mix(((uint64_t)shape << 32) ^ ((uint64_t)arg << 8) ^ (uint64_t)what))};
  return r;
}

static unsigned char guard_byte(size_t i) { return (unsigned char)(0xA5u ^ (unsigned)(i * 37u)); }

static void die(const char* what)
{
  fprintf(stderr, "eok-harness: %s\n", what);
  exit(4);
}

// Buffers sit next to an inaccessible page, element-aligned: END places the last element
// right before one (a read or write past the end faults), START the first element right
// after one (so does one before the start). The other side keeps EOK_GUARD canary bytes
// that catch writes. Perf runs and the perf shape's check use START (page-aligned data).
enum { PLACE_END, PLACE_START };
static size_t g_page;

static void alloc_buf(Buf* b, size_t bytes, int place)
{
  size_t body = (bytes + EOK_GUARD + g_page - 1) / g_page * g_page;
  b->map_bytes = body + 2 * g_page;
  b->map = (unsigned char*)mmap(0, b->map_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (b->map == MAP_FAILED) die("out of memory");
  if (mprotect(b->map, g_page, PROT_NONE) != 0 || mprotect(b->map + g_page + body, g_page, PROT_NONE) != 0) die("mprotect failed");
  b->place = place;
  b->bytes = bytes;
  if (place == PLACE_END) {
    b->data = b->map + g_page + body - bytes;
    b->base = b->data - EOK_GUARD;
    for (size_t i = 0; i < EOK_GUARD; ++i) b->base[i] = guard_byte(i);
  } else {
    b->data = b->map + g_page;
    b->base = b->data;
    for (size_t i = 0; i < EOK_GUARD; ++i) b->data[bytes + i] = guard_byte(i + EOK_GUARD);
  }
}

static void free_buf(Buf* b)
{
  munmap(b->map, b->map_bytes);
}

static void put(unsigned char* p, int kind, double v)
{
  switch (kind) {
  case K_F32: { float f = (float)v; memcpy(p, &f, 4); break; }
  case K_F16: { _Float16 h = (_Float16)v; memcpy(p, &h, 2); break; }
  case K_I32: { int32_t i = (int32_t)v; memcpy(p, &i, 4); break; }
  case K_I64: { int64_t i = (int64_t)v; memcpy(p, &i, 8); break; }
  default: *p = (unsigned char)(int)v; break;
  }
}

// Bit patterns: nan, inf, -inf, -0, denorm, max, -max (the order of kernel.toml's list).
static void put_special(unsigned char* p, int kind, int which, Rng* r)
{
  static const uint32_t f32[7] = {0x7fc00000u, 0x7f800000u, 0xff800000u, 0x80000000u, 0, 0x7f7fffffu, 0xff7fffffu};
  static const uint16_t f16[7] = {0x7e00u, 0x7c00u, 0xfc00u, 0x8000u, 0, 0x7bffu, 0xfbffu};
  uint64_t bits = next(r);
  if (kind == K_F32) {
    uint32_t v = which == 4 ? (uint32_t)(1 + bits % 0x7fffffu) | (uint32_t)(bits >> 63) << 31 : f32[which];
    memcpy(p, &v, 4);
  } else if (kind == K_F16) {
    uint16_t v = which == 4 ? (uint16_t)((1 + bits % 0x3ffu) | (bits >> 63) << 15) : f16[which];
    memcpy(p, &v, 2);
  }
}

static int cmp_i64(const void* x, const void* y)
{
  int64_t a = *(const int64_t*)x, b = *(const int64_t*)y;
  return (a > b) - (a < b);
}

static int64_t draw(Rng* r, int64_t lo, int64_t hi) { return lo + (int64_t)(next(r) % (uint64_t)(hi - lo + 1)); }

static void shuffle(int64_t* v, int64_t n, Rng* r)
{
  for (int64_t i = n - 1; i > 0; --i) {
    int64_t j = (int64_t)(next(r) % (uint64_t)(i + 1)), t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

// Integer inputs by kernel.toml's `gen` (kernels/FORMAT.md), values in [lo, hi].
static void gen_ints(int64_t* v, int64_t n, int gen, int64_t lo, int64_t hi, Rng* r)
{
  if (n == 0) return;
  switch (gen) {
  case G_PERMUTATION:
    for (int64_t i = 0; i < n; ++i) v[i] = i;
    shuffle(v, n, r);
    return;
  case G_IOTA:
    for (int64_t i = 0; i < n; ++i) v[i] = lo + i;
    return;
  case G_UNIQUE:
  case G_SORTED_UNIQUE:
    // n sorted draws from [lo, hi - (n-1)] plus their index are strictly increasing.
    for (int64_t i = 0; i < n; ++i) v[i] = draw(r, lo, hi - (n - 1));
    qsort(v, (size_t)n, sizeof *v, cmp_i64);
    for (int64_t i = 0; i < n; ++i) v[i] += i;
    if (gen == G_UNIQUE) shuffle(v, n, r);
    return;
  default:
    break;
  }
  for (int64_t i = 0; i < n; ++i) v[i] = draw(r, lo, hi);
  if (gen == G_UNIFORM) return;
  qsort(v, (size_t)n, sizeof *v, cmp_i64);
  if (gen == G_SORTED_DUPS) {
    // Runs of 1..8 equal values, whatever the range.
    for (int64_t i = 0; i < n;) {
      int64_t run = 1 + (int64_t)(next(r) % 8);
      for (int64_t j = i + 1; j < i + run && j < n; ++j) v[j] = v[i];
      i += run;
    }
  } else if (gen == G_NEARLY_SORTED) {
    // About n/16 swaps, each over at most 8 places.
    for (int64_t k = 0; k < n / 16 + 1; ++k) {
      int64_t i = (int64_t)(next(r) % (uint64_t)n), j = i + 1 + (int64_t)(next(r) % 8);
      if (j >= n) continue;
      int64_t t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
  } else if (gen == G_OFFSETS) {
    // Segment starts: the first is lo, about one in eight segments is empty, and so are
    // the first, a middle and the last one (ending at hi) when there are four or more.
    v[0] = lo;
    for (int64_t i = 1; i < n; ++i)
      if (next(r) % 8 == 0) v[i] = v[i - 1];
    if (n >= 4) {
      v[1] = v[0];
      v[n / 2] = v[n / 2 - 1];
      v[n - 1] = hi;
    }
  }
}

static void fill_input(Buf* b, int a, int s, uint64_t seed, int with_special)
{
  int64_t n = k_len[s][a];
  Rng r = stream(seed, s, a, 1);
  int is_int = k_kind[a] == K_I32 || k_kind[a] == K_I64 || k_kind[a] == K_U8;
  if (is_int) {
    int64_t* v = (int64_t*)malloc(sizeof(int64_t) * (size_t)(n + 1));
    if (!v) die("out of memory");
    gen_ints(v, n, k_gen[a], k_ilo[s][a], k_ihi[s][a], &r);
    for (int64_t i = 0; i < n; ++i) put(b->data + (size_t)i * (size_t)k_esize[a], k_kind[a], (double)v[i]);
    free(v);
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    double v = k_lo[a] + (k_hi[a] - k_lo[a]) * uniform(&r);
    if (k_step[a] > 0) v = k_lo[a] + k_step[a] * (double)(next(&r) % ((uint64_t)((k_hi[a] - k_lo[a]) / k_step[a]) + 1));
    put(b->data + (size_t)i * (size_t)k_esize[a], k_kind[a], v);
  }
  if (!with_special || n == 0) return;
  // Every allowed special value at 1 + n/64 seeded positions.
  for (int w = 0; w < 7; ++w) {
    if (!(k_special[a] & (1u << w))) continue;
    for (int64_t c = 0; c < 1 + n / 64; ++c) {
      int64_t i = (int64_t)(next(&r) % (uint64_t)n);
      put_special(b->data + (size_t)i * (size_t)k_esize[a], k_kind[a], w, &r);
    }
  }
}

// Outputs start as seeded garbage, so an element the kernel never writes is caught.
static void fill_poison(Buf* b, int a, int s, uint64_t seed)
{
  Rng r = stream(seed, s, a, 2);
  for (size_t i = 0; i < b->bytes; ++i) b->data[i] = (unsigned char)next(&r);
}

static int fault(const char* kind, int s, int a, long long index)
{
  fprintf(stderr, "eok-fault %s shape=%d arg=%s index=%lld\n", kind, s, k_name[a], index);
  return EOK_FAULT;
}

static int check_guards(Buf* b, int s)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (k_role[a] == R_SCALAR) continue;
    for (size_t i = 0; i < EOK_GUARD && b[a].place == PLACE_END; ++i) {
      if (b[a].base[i] != guard_byte(i))
        return fault("out_of_bounds", s, a, -(long long)((EOK_GUARD - i + (size_t)k_esize[a] - 1) / (size_t)k_esize[a]));
    }
    for (size_t i = 0; i < EOK_GUARD && b[a].place == PLACE_START; ++i) {
      if (b[a].data[b[a].bytes + i] != guard_byte(i + EOK_GUARD))
        return fault("out_of_bounds", s, a, (long long)((b[a].bytes + i) / (size_t)k_esize[a]));
    }
  }
  return 0;
}

// A counted output: its count must be within 0..len, and nothing past it may change.
static int check_counts(Buf* b, unsigned char** initial, int s, int r)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    int c = k_count[a];
    if (c < 0) continue;
    int64_t count = 0;
    if (k_kind[c] == K_I32) {
      int32_t v;
      memcpy(&v, b[c].data, 4);
      count = v;
    } else {
      memcpy(&count, b[c].data, 8);
    }
    if (count < 0 || count > k_len[s][a]) {
      fprintf(stderr, "eok-fault bad_count shape=%d arg=%s index=%lld capacity=%lld\n", r, k_name[c], (long long)count,
              (long long)k_len[s][a]);
      return EOK_FAULT;
    }
    size_t from = (size_t)count * (size_t)k_esize[a];
    for (size_t i = from; i < b[a].bytes; ++i) {
      if (b[a].data[i] != initial[a][i]) {
        fprintf(stderr, "eok-fault past_count shape=%d arg=%s index=%lld count=%lld\n", r, k_name[a], (long long)(i / (size_t)k_esize[a]),
                (long long)count);
        return EOK_FAULT;
      }
    }
  }
  return 0;
}

// A fault in a buffer's inaccessible page is the kernel's out-of-bounds access, one below
// the stack's limit its stack overflow; anything else is an ordinary crash.
static Buf* g_bufs;
static int g_run;
static unsigned char* g_stack_top;
static size_t g_stack_limit;

static void say(const char* text)
{
  size_t n = strlen(text);
  while (n > 0) {
    ssize_t w = write(2, text, n);
    if (w <= 0) return;
    text += w;
    n -= (size_t)w;
  }
}

static void on_fault(int sig, siginfo_t* info, void* context)
{
  unsigned char* at = (unsigned char*)info->si_addr;
  char line[160];
  for (int a = 0; g_bufs && a < EOK_NARGS; ++a) {
    Buf* b = &g_bufs[a];
    if (k_role[a] == R_SCALAR || !b->map) continue;
    if ((at >= b->map && at < b->map + g_page) || (at >= b->map + b->map_bytes - g_page && at < b->map + b->map_bytes)) {
      long long index = at >= b->data ? (long long)((size_t)(at - b->data) / (size_t)k_esize[a])
                                      : -(long long)(((size_t)(b->data - at) + (size_t)k_esize[a] - 1) / (size_t)k_esize[a]);
      snprintf(line, sizeof line, "eok-fault %s shape=%d arg=%s index=%lld\n", k_role[a] == R_IN ? "out_of_bounds_read" : "out_of_bounds_access",
               g_run, k_name[a], index);
      say(line);
      _exit(EOK_FAULT);
    }
  }
  // The stack pointer at the fault, not the address: a null dereference is no overflow.
  unsigned char* sp = at;
#if defined(__riscv)
  sp = (unsigned char*)((ucontext_t*)context)->uc_mcontext.__gregs[2];
#endif
  if (g_stack_top && sp < g_stack_top && (size_t)(g_stack_top - sp) > g_stack_limit - 65536) {
    snprintf(line, sizeof line, "eok-fault stack_overflow shape=%d arg=- index=%zu\n", g_run, g_stack_limit);
    say(line);
    _exit(EOK_FAULT);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

// The fault handler runs on its own stack (the kernel's may be exhausted), and the 1 GiB
// below the stack's limit are reserved inaccessible, so a huge stack array faults here as
// it would on the board (QEMU maps other memory there).
static unsigned char g_alt_stack[1 << 16];
static void install_guards(void* stack_top)
{
  struct rlimit rl;
  g_page = (size_t)sysconf(_SC_PAGESIZE);
  g_stack_top = (unsigned char*)stack_top;
  g_stack_limit = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? (size_t)rl.rlim_cur : (size_t)8 << 20;
  stack_t ss;
  memset(&ss, 0, sizeof ss);
  ss.ss_sp = g_alt_stack;
  ss.ss_size = sizeof g_alt_stack;
  sigaltstack(&ss, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, 0);
  sigaction(SIGBUS, &sa, 0);
  size_t moat = (size_t)1 << 30;
  uintptr_t low = ((uintptr_t)g_stack_top - g_stack_limit) & ~(uintptr_t)(g_page - 1);
  if (low > moat) mmap((void*)(low - moat), moat, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
}

static int first_diff(const unsigned char* x, const unsigned char* y, size_t bytes, int esize)
{
  if (memcmp(x, y, bytes) == 0) return -1; // the usual case, a word at a time (cheap under the model's plugin too)
  for (size_t i = 0; i < bytes; ++i)
    if (x[i] != y[i]) return (int)(i / (size_t)esize);
  return -1;
}

static int is_output(int a);
static int check_inputs(Buf* b, unsigned char** pristine, int s)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (k_role[a] != R_IN) continue;
    int d = first_diff(b[a].data, pristine[a], b[a].bytes, k_esize[a]);
    if (d >= 0) return fault("modified_input", s, a, d);
  }
  return 0;
}

static int is_output(int a) { return k_role[a] == R_OUT || k_role[a] == R_INOUT; }

static void setup(Buf* b, unsigned char** initial, int s, uint64_t seed, int with_special, int place)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    initial[a] = 0;
    b[a].map = 0;
    if (k_role[a] == R_SCALAR) continue;
    alloc_buf(&b[a], (size_t)k_len[s][a] * (size_t)k_esize[a], place);
    if (k_role[a] == R_OUT || k_role[a] == R_SCRATCH) fill_poison(&b[a], a, s, seed);
    else fill_input(&b[a], a, s, seed, with_special);
    initial[a] = (unsigned char*)malloc(b[a].bytes + 1);
    if (!initial[a]) die("out of memory");
    memcpy(initial[a], b[a].data, b[a].bytes);
  }
  g_bufs = b;
}

static void release(Buf* b, unsigned char** initial)
{
  g_bufs = 0;
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (k_role[a] == R_SCALAR) continue;
    free_buf(&b[a]);
    free(initial[a]);
  }
}

// The call the model measures, between the region markers of perf/runner.hpp: the only
// code whose markers the model counts (perf/elf_symbols.hpp: the runner tells the plugin
// this function's address range; markers anywhere else, e.g. in a candidate, make the run
// an error). The check of the perf shape makes this same call from the same place on the
// same inputs, so a kernel cannot tell the measured call from a checked one.
__attribute__((noinline, used)) void eok_measured_call(Buf* b, int s, int c)
{
#ifdef __riscv // the ROI markers; a host build (eval::harness_gen's tests) has none
  __asm__ volatile("slti x0, x0, 1" ::: "memory");
#endif
  call_kernel(b, s, c);
#ifdef __riscv
  __asm__ volatile("slti x0, x0, 2" ::: "memory");
#endif
}

static int write_outputs(Buf* b, FILE* out)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (is_output(a) && b[a].bytes && fwrite(b[a].data, 1, b[a].bytes, out) != b[a].bytes) die("cannot write the output file");
  }
  return 0;
}

static int run_check(uint64_t seed, const char* path, int runs, int with_perf)
{
  FILE* out = fopen(path, "wb");
  if (!out) die("cannot write the output file");
  for (int r = 0; r < EOK_NSHAPES * EOK_NCASES; ++r) {
    int s = r / EOK_NCASES, c = r % EOK_NCASES;
    Buf b[EOK_NARGS];
    unsigned char* initial[EOK_NARGS];
    unsigned char* first[EOK_NARGS];
    g_run = r;
    setup(b, initial, s, seed, 1, r % 2 ? PLACE_START : PLACE_END);
    call_kernel(b, s, c);
    int rc = check_guards(b, r);
    if (!rc) rc = check_inputs(b, initial, r);
    if (!rc) rc = check_counts(b, initial, s, r);
    for (int run = 1; run < runs && !rc; ++run) {
      for (int a = 0; a < EOK_NARGS; ++a) {
        first[a] = 0;
        if (!is_output(a)) continue;
        first[a] = (unsigned char*)malloc(b[a].bytes + 1);
        if (!first[a]) die("out of memory");
        memcpy(first[a], b[a].data, b[a].bytes);
        memcpy(b[a].data, initial[a], b[a].bytes);
      }
      call_kernel(b, s, c);
      rc = check_guards(b, r);
      if (!rc) rc = check_inputs(b, initial, r);
      if (!rc) rc = check_counts(b, initial, s, r);
      for (int a = 0; a < EOK_NARGS; ++a) {
        if (!is_output(a)) continue;
        int d = first_diff(first[a], b[a].data, b[a].bytes, k_esize[a]);
        if (d >= 0 && !rc) rc = fault("nondeterministic", r, a, d);
        free(first[a]);
      }
    }
    if (!rc) write_outputs(b, out);
    release(b, initial);
    if (rc) {
      fclose(out);
      return rc;
    }
  }
  if (!with_perf) {
    // The model's measured run writes its own outputs (`perf <seed> <outfile>`), checked instead.
    if (fclose(out) != 0) die("cannot write the output file");
    return 0;
  }
  // The perf shape, exactly as measured: same seed, inputs, placement and call site.
  Buf b[EOK_NARGS];
  unsigned char* initial[EOK_NARGS];
  g_run = EOK_NSHAPES * EOK_NCASES;
  setup(b, initial, EOK_NSHAPES, seed, 0, PLACE_START);
  eok_measured_call(b, EOK_NSHAPES, 0);
  int rc = check_guards(b, g_run);
  if (!rc) rc = check_inputs(b, initial, g_run);
  if (!rc) write_outputs(b, out);
  release(b, initial);
  if (fclose(out) != 0) die("cannot write the output file");
  return rc;
}

static int64_t now_ns(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

// Larger than the L2 of the cores eok targets, so each measured run starts cold.
static volatile unsigned char g_flush[8 << 20];
static void flush_caches(void)
{
  for (size_t i = 0; i < sizeof g_flush; i += 64) g_flush[i] = (unsigned char)(g_flush[i] + 1);
}

// Every run starts from the same inout values (saxpy's y would otherwise grow run by run).
static void restore_inout(Buf* b, unsigned char** initial)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (k_role[a] == R_INOUT) memcpy(b[a].data, initial[a], b[a].bytes);
  }
}

// Every run starts from the poisoned outputs too: a kernel cannot find the previous run's
// results in its output and return early.
static void restore_outputs(Buf* b, unsigned char** initial)
{
  for (int a = 0; a < EOK_NARGS; ++a) {
    if (k_role[a] == R_OUT || k_role[a] == R_SCRATCH) memcpy(b[a].data, initial[a], b[a].bytes);
  }
}

static int run_perf(uint64_t seed, int warm, int runs, const char* path)
{
  int s = EOK_NSHAPES, c = 0;
  Buf b[EOK_NARGS];
  unsigned char* initial[EOK_NARGS];
  g_run = EOK_NSHAPES * EOK_NCASES;
  setup(b, initial, s, seed, 0, PLACE_START);
  if (runs <= 0) {
    eok_measured_call(b, EOK_NSHAPES, 0);
    if (path) {
      // The measured call's own outputs, compared with ker0's: whatever the kernel guesses
      // about being measured, the result it was measured producing is the one checked.
      int rc = check_guards(b, g_run);
      if (!rc) rc = check_inputs(b, initial, g_run);
      if (rc) return rc;
      FILE* out = fopen(path, "wb");
      if (!out) die("cannot write the output file");
      write_outputs(b, out);
      if (fclose(out) != 0) die("cannot write the output file");
    }
  } else {
    // The machine that measured: on a board farm behind srun it is the node Slurm chose.
    char node[256] = "";
    if (gethostname(node, sizeof node - 1) == 0 && node[0]) printf("eok-node %s\n", node);
    for (int i = 0; i < warm; ++i) {
      restore_inout(b, initial);
      restore_outputs(b, initial);
      flush_caches();
      call_kernel(b, s, c);
    }
    for (int i = 0; i < runs; ++i) {
      restore_inout(b, initial);
      restore_outputs(b, initial);
      flush_caches();
      int64_t t0 = now_ns();
      call_kernel(b, s, c);
      int64_t t1 = now_ns();
      printf("eok-wall-ns %lld\n", (long long)(t1 - t0));
    }
  }
  release(b, initial);
  return 0;
}

// Params drawn from their range: one value per seed, the same in every run of it.
static void init_params(uint64_t seed)
{
  for (int c = 0; c < EOK_NCASES; ++c) {
    for (int a = 0; a < EOK_NARGS; ++a) {
      g_param[c][a] = k_param[c][a];
      if (!k_param_random[c][a]) continue;
      Rng r = stream(seed, EOK_NSHAPES + 1, a, 3);
      if (k_kind[a] == K_F32) g_param[c][a] = k_lo[a] + (k_hi[a] - k_lo[a]) * uniform(&r);
      else g_param[c][a] = k_lo[a] + (double)(next(&r) % (uint64_t)(k_hi[a] - k_lo[a] + 1));
    }
  }
}

int main(int argc, char** argv)
{
  install_guards(&argc);
  if (argc >= 3) init_params(strtoull(argv[2], 0, 10));
  if (argc >= 4 && strcmp(argv[1], "check") == 0)
    return run_check(strtoull(argv[2], 0, 10), argv[3], argc > 4 ? atoi(argv[4]) : 2, argc > 5 ? strcmp(argv[5], "noperf") != 0 : 1);
  if (argc >= 3 && strcmp(argv[1], "perf") == 0)
    return run_perf(strtoull(argv[2], 0, 10), argc > 4 ? atoi(argv[3]) : 0, argc > 4 ? atoi(argv[4]) : 0, argc == 4 ? argv[3] : 0);
  fprintf(stderr, "usage: %s check <seed> <outfile> [runs [noperf]] | perf <seed> [<outfile> | <warm> <runs>]\n", argv[0]);
  return 2;
}
)HARNESS";
}

} // namespace eok::eval
