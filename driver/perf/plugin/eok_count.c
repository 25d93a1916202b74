/* eok_count: QEMU 7.2 TCG plugin (linux-user, riscv64) for eok's performance model.
 *
 * Counts executed instructions per (mnemonic, SEW, LMUL, masked) and their memory
 * accesses, inside the region of interest the harness marks with the HINTs
 * `slti x0,x0,1` (begin) and `slti x0,x0,2` (end), and writes them to the file given
 * by the plugin argument out=<file> when the guest exits. Classification and costs
 * live in eok (driver/perf/counts.cpp); this file only observes.
 *
 * vtype without register access (the 7.2 API cannot read registers): QEMU ends a
 * translation block after every vset{i}vl{i} and keys blocks on SEW/LMUL, so every
 * vector instruction of a block runs with the vtype live when the block was
 * translated. An exec callback on vsetvli/vsetivli records the immediate vtype; the
 * translation callback tags the block's vector instructions with it. vsetvl (vtype
 * in a register) makes it unknown ("?").
 *
 * Counting uses inline adds (no helper call per instruction). QEMU's vector memory
 * helpers report every element access, so accesses are exact (masked-off elements
 * are not accessed) and a vector load/store's accesses per execution are its vl (x fields);
 * a fault-only-first load accesses its whole vl, trimmed only at an unmapped page. The guest must be single-threaded (inline adds are not atomic).
 *
 * Integrity guard (argument roi=<lo>-<hi>, hex offsets from the guest's start of code,
 * qemu_plugin_start_code()): only markers whose address lies in [lo, hi) -- the harness's
 * own measured-call function, never the candidate's code -- begin or end the region;
 * any other marker executed is counted as foreign and never changes the counts. eok
 * refuses to measure a run with a foreign marker, or whose region was not entered
 * and left exactly once.
 *
 * Blocks: every translated block is also recorded as (offset from start of code, its
 * instruction bytes, the vtype it was translated for) with an inline execution count,
 * so eok can schedule each executed block on a pipeline model (model "sched"). A block
 * re-translated with the same key shares one record. The count is added when the block
 * starts, so the block holding the begin marker is outside the region and the one
 * holding the end marker inside; both belong to the harness's measured call.
 *
 * Output (text, one record per line, fields separated by tabs):
 *   eok-count 3
 *   roi_entries <n>
 *   roi_begins <n>                       honoured begin markers executed
 *   roi_ends <n>                         honoured end markers executed
 *   foreign_markers <n> <first offset>   markers outside [lo, hi) (offset in hex, - if none)
 *   slot <mnemonic> <sew|-|?> <lmul|-|?> <masked 0|1> <count> <accesses>
 *   block <offset hex> <sew|-|?> <lmul|-|?> <count> <instruction bytes, hex in memory order>
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "qemu_plugin_api.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = EOK_QEMU_PLUGIN_API_VERSION;

enum { k_vtype_none = 0xffffffffu, k_vtype_unknown = 0xfffffffeu, k_hash_bits = 12 };
#define ROI_BEGIN_RAW 0x00102013u /* slti x0,x0,1 */
#define ROI_END_RAW 0x00202013u   /* slti x0,x0,2 */

typedef struct Slot
{
  uint64_t count, accesses;         /* running totals (inline adds) */
  uint64_t snap_count, snap_access; /* totals when the current ROI began */
  uint64_t roi_count, roi_access;   /* accumulated inside ROIs */
  char mnem[32];
  uint32_t vtype; /* vsew|vlmul bits (5:0) or k_vtype_none / k_vtype_unknown */
  int masked;
  struct Slot* next; /* hash chain */
  struct Slot* all;  /* every slot */
} Slot;

typedef struct Block
{
  uint64_t count, snap_count, roi_count; /* as for Slot */
  uint64_t offset;                       /* from qemu_plugin_start_code() */
  uint32_t vtype;                        /* vtype live when translated (k_vtype_unknown if not known) */
  size_t n_bytes;
  unsigned char* bytes;
  struct Block* next;
  struct Block* all;
} Block;

static Slot* g_table[1u << k_hash_bits];
static Block* g_blocks[1u << k_hash_bits];
static Block* g_all_blocks;
static Slot* g_all;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t g_vtype = k_vtype_unknown; /* vtype live now (guest is single-threaded) */
static int g_roi_depth;
static uint64_t g_roi_entries, g_roi_begins, g_roi_ends, g_foreign_markers;
static uint64_t g_first_foreign = UINT64_MAX;                /* offset of the first foreign marker executed */
static uint64_t g_allowed_lo = 0, g_allowed_hi = UINT64_MAX; /* offsets from start_code */
static char* g_out_path;

static uint64_t slot_hash(const char* m, uint32_t vtype, int masked)
{
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *m; m++) {
    h = (h ^ (unsigned char)*m) * 1099511628211ull;
  }
  h = (h ^ vtype) * 1099511628211ull;
  return (h ^ (uint64_t)masked) * 1099511628211ull;
}

static Slot* slot_for(const char* mnem, uint32_t vtype, int masked)
{
  uint64_t h = slot_hash(mnem, vtype, masked) & ((1u << k_hash_bits) - 1);
  pthread_mutex_lock(&g_lock);
  Slot* s = g_table[h];
  while (s && !(s->vtype == vtype && s->masked == masked && strcmp(s->mnem, mnem) == 0)) {
    s = s->next;
  }
  if (!s) {
    s = calloc(1, sizeof(*s));
    if (!s) {
      abort();
    }
    snprintf(s->mnem, sizeof(s->mnem), "%s", mnem);
    s->vtype = vtype;
    s->masked = masked;
    s->next = g_table[h];
    g_table[h] = s;
    s->all = g_all;
    g_all = s;
  }
  pthread_mutex_unlock(&g_lock);
  return s;
}

static Block* block_for(uint64_t offset, uint32_t vtype, const unsigned char* bytes, size_t n_bytes)
{
  uint64_t h = 1469598103934665603ull;
  h = (h ^ offset) * 1099511628211ull;
  h = (h ^ vtype) * 1099511628211ull;
  for (size_t i = 0; i < n_bytes; i++) {
    h = (h ^ bytes[i]) * 1099511628211ull;
  }
  h &= (1u << k_hash_bits) - 1;
  pthread_mutex_lock(&g_lock);
  Block* b = g_blocks[h];
  while (b && !(b->offset == offset && b->vtype == vtype && b->n_bytes == n_bytes && memcmp(b->bytes, bytes, n_bytes) == 0)) {
    b = b->next;
  }
  if (!b) {
    b = calloc(1, sizeof(*b));
    if (!b || !(b->bytes = malloc(n_bytes ? n_bytes : 1))) {
      abort();
    }
    memcpy(b->bytes, bytes, n_bytes);
    b->n_bytes = n_bytes;
    b->offset = offset;
    b->vtype = vtype;
    b->next = g_blocks[h];
    g_blocks[h] = b;
    b->all = g_all_blocks;
    g_all_blocks = b;
  }
  pthread_mutex_unlock(&g_lock);
  return b;
}

static void on_vset(unsigned int vcpu, void* vtype)
{
  (void)vcpu;
  g_vtype = (uint32_t)(uintptr_t)vtype;
}

static void on_roi_begin(unsigned int vcpu, void* unused)
{
  (void)vcpu;
  (void)unused;
  pthread_mutex_lock(&g_lock);
  g_roi_begins++;
  if (g_roi_depth++ == 0) {
    g_roi_entries++;
    for (Slot* s = g_all; s; s = s->all) {
      s->snap_count = s->count;
      s->snap_access = s->accesses;
    }
    for (Block* b = g_all_blocks; b; b = b->all) {
      b->snap_count = b->count;
    }
  }
  pthread_mutex_unlock(&g_lock);
}

static void on_roi_end(unsigned int vcpu, void* unused)
{
  (void)vcpu;
  (void)unused;
  pthread_mutex_lock(&g_lock);
  g_roi_ends++;
  if (g_roi_depth > 0 && --g_roi_depth == 0) {
    for (Slot* s = g_all; s; s = s->all) {
      s->roi_count += s->count - s->snap_count;
      s->roi_access += s->accesses - s->snap_access;
    }
    for (Block* b = g_all_blocks; b; b = b->all) {
      b->roi_count += b->count - b->snap_count;
    }
  }
  pthread_mutex_unlock(&g_lock);
}

/* A marker executed outside the harness's measured call: recorded, never honoured. */
static void on_foreign_marker(unsigned int vcpu, void* offset)
{
  (void)vcpu;
  pthread_mutex_lock(&g_lock);
  if (g_foreign_markers++ == 0) {
    g_first_foreign = (uint64_t)(uintptr_t)offset;
  }
  pthread_mutex_unlock(&g_lock);
}

/* Does the encoding access memory (scalar, FP or vector load/store, AMO)? */
static int accesses_memory(uint32_t raw, size_t size)
{
  if (size == 2) {
    unsigned quadrant = raw & 3, funct3 = (raw >> 13) & 7;
    if (quadrant == 0) {
      return funct3 != 0 && funct3 != 4; /* all but c.addi4spn and reserved */
    }
    return quadrant == 2 && funct3 != 0 && funct3 != 4; /* c.*sp loads/stores */
  }
  unsigned opcode = raw & 0x7f;
  return opcode == 0x03 || opcode == 0x07 || opcode == 0x23 || opcode == 0x27 || opcode == 0x2f;
}

/* The mnemonic from QEMU 7.2's disassembly, which starts with the encoding in hex. */
static void mnemonic_of(const char* dis, size_t size, char* out, size_t cap)
{
  const char* d = dis;
  size_t hex = strspn(d, "0123456789abcdef");
  if (hex == 2 * size && (d[hex] == ' ' || d[hex] == '\t')) {
    d += hex;
  }
  d += strspn(d, " \t");
  size_t n = strcspn(d, " \t");
  if (n == 0) {
    snprintf(out, cap, "unknown");
    return;
  }
  if (n >= cap) {
    n = cap - 1;
  }
  memcpy(out, d, n);
  out[n] = 0;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb* tb)
{
  (void)id;
  uint32_t block_vtype = g_vtype; /* the vtype this block was translated for */
  size_t n = qemu_plugin_tb_n_insns(tb);
  size_t n_bytes = 0;
  for (size_t i = 0; i < n; i++) {
    n_bytes += qemu_plugin_insn_size(qemu_plugin_tb_get_insn(tb, i));
  }
  unsigned char* bytes = malloc(n_bytes ? n_bytes : 1);
  if (!bytes) {
    abort();
  }
  for (size_t i = 0, at = 0; i < n; i++) {
    struct qemu_plugin_insn* insn = qemu_plugin_tb_get_insn(tb, i);
    memcpy(bytes + at, qemu_plugin_insn_data(insn), qemu_plugin_insn_size(insn));
    at += qemu_plugin_insn_size(insn);
  }
  Block* block = block_for(qemu_plugin_tb_vaddr(tb) - qemu_plugin_start_code(), block_vtype, bytes, n_bytes);
  free(bytes);
  qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &block->count, 1);
  for (size_t i = 0; i < n; i++) {
    struct qemu_plugin_insn* insn = qemu_plugin_tb_get_insn(tb, i);
    size_t size = qemu_plugin_insn_size(insn);
    uint32_t raw = 0;
    memcpy(&raw, qemu_plugin_insn_data(insn), size < 4 ? size : 4);
    if (size == 2) {
      raw &= 0xffff;
    }
    char* dis = qemu_plugin_insn_disas(insn);
    char mnem[32];
    mnemonic_of(dis, size, mnem, sizeof mnem);
    int masked = strstr(dis, "v0.t") != NULL;
    free(dis);

    uint32_t vtype = k_vtype_none;
    if (size == 4 && (raw & 0x7f) == 0x57 && ((raw >> 12) & 7) == 7) { /* vsetvli/vsetivli/vsetvl */
      if (!(raw >> 31)) {
        vtype = (raw >> 20) & 0x3f; /* vsetvli: zimm; keep vsew and vlmul */
      } else if (((raw >> 30) & 3) == 3) {
        vtype = (raw >> 20) & 0x3f; /* vsetivli */
      } else {
        vtype = k_vtype_unknown; /* vsetvl: vtype in rs2 */
      }
      qemu_plugin_register_vcpu_insn_exec_cb(insn, on_vset, QEMU_PLUGIN_CB_NO_REGS, (void*)(uintptr_t)vtype);
    } else if (mnem[0] == 'v') {
      vtype = block_vtype;
    } else if (size == 4 && (raw == ROI_BEGIN_RAW || raw == ROI_END_RAW)) {
      uint64_t offset = qemu_plugin_insn_vaddr(insn) - qemu_plugin_start_code();
      if (offset < g_allowed_lo || offset >= g_allowed_hi) {
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_foreign_marker, QEMU_PLUGIN_CB_NO_REGS, (void*)(uintptr_t)offset);
        snprintf(mnem, sizeof mnem, "roi.foreign");
      } else if (raw == ROI_BEGIN_RAW) {
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_roi_begin, QEMU_PLUGIN_CB_NO_REGS, NULL);
        snprintf(mnem, sizeof mnem, "roi.begin");
      } else {
        qemu_plugin_register_vcpu_insn_exec_cb(insn, on_roi_end, QEMU_PLUGIN_CB_NO_REGS, NULL);
        snprintf(mnem, sizeof mnem, "roi.end");
      }
    }
    Slot* s = slot_for(mnem, vtype, masked);
    qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &s->count, 1);
    if (accesses_memory(raw, size)) {
      qemu_plugin_register_vcpu_mem_inline(insn, QEMU_PLUGIN_MEM_RW, QEMU_PLUGIN_INLINE_ADD_U64, &s->accesses, 1);
    }
  }
}

static void vtype_fields(uint32_t vtype, char* sew, char* lmul)
{
  static const char* const lmuls[8] = {"m1", "m2", "m4", "m8", "?", "mf8", "mf4", "mf2"};
  if (vtype == k_vtype_none) {
    strcpy(sew, "-");
    strcpy(lmul, "-");
  } else if (vtype == k_vtype_unknown) {
    strcpy(sew, "?");
    strcpy(lmul, "?");
  } else {
    snprintf(sew, 8, "%u", 8u << ((vtype >> 3) & 7));
    snprintf(lmul, 8, "%s", lmuls[vtype & 7]);
  }
}

static void on_guest_exit(qemu_plugin_id_t id, void* unused)
{
  (void)id;
  (void)unused;
  FILE* f = fopen(g_out_path, "w");
  if (!f) {
    fprintf(stderr, "eok_count: cannot write %s\n", g_out_path);
    return;
  }
  fprintf(f, "eok-count 3\nroi_entries %llu\nroi_begins %llu\nroi_ends %llu\n", (unsigned long long)g_roi_entries,
          (unsigned long long)g_roi_begins, (unsigned long long)g_roi_ends);
  if (g_foreign_markers == 0) {
    fprintf(f, "foreign_markers 0 -\n");
  } else {
    fprintf(f, "foreign_markers %llu %llx\n", (unsigned long long)g_foreign_markers, (unsigned long long)g_first_foreign);
  }
  for (Slot* s = g_all; s; s = s->all) {
    if (s->roi_count == 0) {
      continue;
    }
    char sew[8], lmul[8];
    vtype_fields(s->vtype, sew, lmul);
    fprintf(f, "slot\t%s\t%s\t%s\t%d\t%llu\t%llu\n", s->mnem, sew, lmul, s->masked, (unsigned long long)s->roi_count,
            (unsigned long long)s->roi_access);
  }
  for (Block* b = g_all_blocks; b; b = b->all) {
    if (b->roi_count == 0) {
      continue;
    }
    char sew[8], lmul[8];
    vtype_fields(b->vtype, sew, lmul);
    fprintf(f, "block\t%llx\t%s\t%s\t%llu\t", (unsigned long long)b->offset, sew, lmul, (unsigned long long)b->roi_count);
    for (size_t i = 0; i < b->n_bytes; i++) {
      fprintf(f, "%02x", b->bytes[i]);
    }
    fputc('\n', f);
  }
  fclose(f);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t* info, int argc, char** argv)
{
  (void)info;
  for (int i = 0; i < argc; i++) {
    unsigned long long lo = 0, hi = 0;
    char end = 0;
    if (strncmp(argv[i], "out=", 4) == 0) {
      g_out_path = strdup(argv[i] + 4);
    } else if (sscanf(argv[i], "roi=%llx-%llx%c", &lo, &hi, &end) == 2 && lo < hi) {
      g_allowed_lo = lo;
      g_allowed_hi = hi;
    } else {
      fprintf(stderr, "eok_count: bad argument '%s' (expected out=<file> [roi=<lo>-<hi>])\n", argv[i]);
      return -1;
    }
  }
  if (!g_out_path) {
    fprintf(stderr, "eok_count: missing argument out=<file>\n");
    return -1;
  }
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  qemu_plugin_register_atexit_cb(id, on_guest_exit, NULL);
  return 0;
}
