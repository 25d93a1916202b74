/* eok's own equivalents of the whole kernels rvv-bench measured on the X60 (camel-cdr/rvv-bench,
 * bench/<name>.c and .S, MIT: read for what each implementation does, not copied), for
 * `eok perf validate`: `prog <family> <impl> <n>` runs one implementation on n elements between
 * the region markers, then checks its result against a plain loop outside the region (exit 1 on a
 * mismatch, 2 on bad arguments).
 *
 * family 0 byteswap32   n uint32      in place: impl 0 scalar shifts (no Zbb), 1..4 vrgather on bytes with index i^3, LMUL 1..8,
 *                                     5..7 words at LMUL 2..8 gathered one m1 register at a time
 * family 1 memreverse   n bytes       impl 0 scalar byte loop, 1..4 stride -1 load + unit-stride store, LMUL 1..8
 * family 2 strlen       n bytes + NUL impl 0 scalar byte loop, 1..4 fault-only-first load, compare with 0, first set bit
 * family 3 utf8_count   n bytes       impl 0 scalar ((b & 0xc0) != 0x80), 1..4 signed compare > -65, mask popcount
 * family 4 LUT4         n bytes       impl 0 scalar table lookup in place, 1..4 vrgather from the 16-byte table
 * family 5 mergelines   n bytes of '\\', '\n', 'a' (rvv-bench's "2/3" input): drop every backslash-newline pair;
 *                                     impl 0 scalar, 1..4 slide1up/slide1down masks + vcompress
 *
 * The scalar loops keep a compiler barrier per element as rvv-bench's do (BENCH_CLOBBER), so they
 * stay scalar loops at -O2. */
#include <riscv_vector.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BARRIER() __asm__ volatile("" ::: "memory")
#define PER_LMUL(M) M(1) M(2) M(4) M(8)

/* ---- byteswap32, in place as rvv-bench's: words loaded and stored at e32, the bytes gathered at
 * e8 (so vtype changes three times an iteration, as in rvv-bench's rvv_gather) ---- */
__attribute__((noinline)) static void bswap_scalar(uint32_t* p, size_t n)
{
#pragma clang loop vectorize(disable) interleave(disable)
  for (size_t i = 0; i < n; ++i) {
    uint32_t x = p[i];
    p[i] = (x >> 24) | ((x >> 8) & 0xff00u) | ((x << 8) & 0xff0000u) | (x << 24);
  }
}
#define BSWAP(L)                                                                                                                           \
  __attribute__((noinline)) static void bswap_m##L(uint32_t* p, size_t n)                                                                  \
  {                                                                                                                                        \
    size_t bytes_max = __riscv_vsetvlmax_e8m##L();                                                                                         \
    vuint8m##L##_t idx = __riscv_vxor_vx_u8m##L(__riscv_vid_v_u8m##L(bytes_max), 3, bytes_max);                                            \
    for (size_t vl; n > 0; n -= vl, p += vl) {                                                                                             \
      vl = __riscv_vsetvl_e32m##L(n);                                                                                                      \
      vuint8m##L##_t bytes = __riscv_vreinterpret_v_u32m##L##_u8m##L(__riscv_vle32_v_u32m##L(p, vl));                                      \
      vuint8m##L##_t swapped = __riscv_vrgather_vv_u8m##L(bytes, idx, 4 * vl);                                                             \
      __riscv_vse32_v_u32m##L(p, __riscv_vreinterpret_v_u8m##L##_u32m##L(swapped), vl);                                                    \
    }                                                                                                                                      \
  }
PER_LMUL(BSWAP)
/* rvv-bench's rvv_m1_vrgathers_mL: words loaded and stored at LMUL L, the bytes gathered one
 * register at a time at e8 m1 (L small gathers instead of one large one). */
#define GATHER_PART(L, K)                                                                                                                  \
  swapped = __riscv_vset_v_u8m1_u8m##L(swapped, K, __riscv_vrgather_vv_u8m1(__riscv_vget_v_u8m##L##_u8m1(bytes, K), idx, vl1));
#define PARTS_2(L) GATHER_PART(L, 0) GATHER_PART(L, 1)
#define PARTS_4(L) PARTS_2(L) GATHER_PART(L, 2) GATHER_PART(L, 3)
#define PARTS_8(L) PARTS_4(L) GATHER_PART(L, 4) GATHER_PART(L, 5) GATHER_PART(L, 6) GATHER_PART(L, 7)
#define BSWAP_M1S(L)                                                                                                                       \
  __attribute__((noinline)) static void bswap_m1s_m##L(uint32_t* p, size_t n)                                                              \
  {                                                                                                                                        \
    size_t vl1 = __riscv_vsetvlmax_e8m1();                                                                                                 \
    vuint8m1_t idx = __riscv_vxor_vx_u8m1(__riscv_vid_v_u8m1(vl1), 3, vl1);                                                                \
    for (size_t vl; n > 0; n -= vl, p += vl) {                                                                                             \
      vl = __riscv_vsetvl_e32m##L(n);                                                                                                      \
      vuint8m##L##_t bytes = __riscv_vreinterpret_v_u32m##L##_u8m##L(__riscv_vle32_v_u32m##L(p, vl));                                      \
      vuint8m##L##_t swapped = __riscv_vundefined_u8m##L();                                                                                \
      PARTS_##L(L)                                                                                                                         \
      __riscv_vse32_v_u32m##L(p, __riscv_vreinterpret_v_u8m##L##_u32m##L(swapped), vl);                                                    \
    }                                                                                                                                      \
  }
BSWAP_M1S(2)
BSWAP_M1S(4)
BSWAP_M1S(8)

/* ---- memreverse ---- */
__attribute__((noinline)) static void mrev_scalar(uint8_t* d, const uint8_t* s, size_t n)
{
#pragma clang loop vectorize(disable) interleave(disable)
  for (size_t i = 0; i < n; ++i) {
    d[i] = s[n - 1 - i];
  }
}
#define MREV(L)                                                                                                                            \
  __attribute__((noinline)) static void mrev_m##L(uint8_t* d, const uint8_t* s, size_t n)                                                  \
  {                                                                                                                                        \
    const uint8_t* end = s + n - 1;                                                                                                        \
    for (size_t vl; n > 0; n -= vl, end -= vl, d += vl) {                                                                                  \
      vl = __riscv_vsetvl_e8m##L(n);                                                                                                       \
      __riscv_vse8_v_u8m##L(d, __riscv_vlse8_v_u8m##L(end, -1, vl), vl);                                                                   \
    }                                                                                                                                      \
  }
PER_LMUL(MREV)

/* ---- strlen ---- */
__attribute__((noinline)) static size_t strlen_scalar(const char* s)
{
  const char* p = s;
  while (*p != 0) {
    ++p;
    BARRIER();
  }
  return (size_t)(p - s);
}
/* Whole vectors until one holds the NUL; the fault-only-first load never faults past it.
 * B: the mask type's SEW/LMUL ratio at e8 (8 / LMUL). */
#define STRLEN(L, B)                                                                                                                       \
  __attribute__((noinline)) static size_t strlen_m##L(const char* s)                                                                       \
  {                                                                                                                                        \
    const uint8_t* p = (const uint8_t*)s;                                                                                                  \
    size_t vlmax = __riscv_vsetvlmax_e8m##L();                                                                                             \
    for (;;) {                                                                                                                             \
      size_t vl;                                                                                                                           \
      vuint8m##L##_t v = __riscv_vle8ff_v_u8m##L(p, &vl, vlmax);                                                                           \
      long at = __riscv_vfirst_m_b##B(__riscv_vmseq_vx_u8m##L##_b##B(v, 0, vl), vl);                                                       \
      if (at >= 0) {                                                                                                                       \
        return (size_t)(p - (const uint8_t*)s) + (size_t)at;                                                                               \
      }                                                                                                                                    \
      p += vl;                                                                                                                             \
    }                                                                                                                                      \
  }
#define PER_LMUL_B(M) M(1, 8) M(2, 4) M(4, 2) M(8, 1)
PER_LMUL_B(STRLEN)

/* ---- utf8_count: bytes that are not continuation bytes (10xxxxxx) ---- */
__attribute__((noinline)) static size_t utf8_scalar(const uint8_t* s, size_t n)
{
  size_t count = 0;
#pragma clang loop vectorize(disable) interleave(disable)
  for (size_t i = 0; i < n; ++i) {
    count += (s[i] & 0xc0) != 0x80;
  }
  return count;
}
/* As signed bytes, continuation bytes are -128..-65: count the others. */
#define UTF8(L, B)                                                                                                                         \
  __attribute__((noinline)) static size_t utf8_m##L(const uint8_t* s, size_t n)                                                            \
  {                                                                                                                                        \
    size_t count = 0;                                                                                                                      \
    for (size_t vl; n > 0; n -= vl, s += vl) {                                                                                             \
      vl = __riscv_vsetvl_e8m##L(n);                                                                                                       \
      vint8m##L##_t v = __riscv_vle8_v_i8m##L((const int8_t*)s, vl);                                                                       \
      count += __riscv_vcpop_m_b##B(__riscv_vmsgt_vx_i8m##L##_b##B(v, -65, vl), vl);                                                       \
    }                                                                                                                                      \
    return count;                                                                                                                          \
  }
PER_LMUL_B(UTF8)

/* ---- LUT4: each byte replaced in place by table[byte & 15] ---- */
__attribute__((noinline)) static void lut4_scalar(const uint8_t* table, uint8_t* p, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    p[i] = table[p[i] & 15];
    BARRIER();
  }
}
/* The table's 16 bytes sit at the start of a register group; indices < 16 read only them. */
#define LUT4(L)                                                                                                                            \
  __attribute__((noinline)) static void lut4_m##L(const uint8_t* table, uint8_t* p, size_t n)                                              \
  {                                                                                                                                        \
    vuint8m##L##_t t = __riscv_vle8_v_u8m##L(table, 16);                                                                                   \
    for (size_t vl; n > 0; n -= vl, p += vl) {                                                                                             \
      vl = __riscv_vsetvl_e8m##L(n);                                                                                                       \
      vuint8m##L##_t idx = __riscv_vand_vx_u8m##L(__riscv_vle8_v_u8m##L(p, vl), 15, vl);                                                   \
      __riscv_vse8_v_u8m##L(p, __riscv_vrgather_vv_u8m##L(t, idx, vl), vl);                                                                \
    }                                                                                                                                      \
  }
PER_LMUL(LUT4)

/* ---- mergelines: remove every '\\' '\n' pair in place, return the new length ---- */
__attribute__((noinline)) static size_t merge_scalar(uint8_t* s, size_t n)
{
  size_t r = 0, w = 0;
  while (r + 1 < n) {
    if (s[r] == '\\' && s[r + 1] == '\n') {
      r += 2;
    } else {
      s[w++] = s[r++];
    }
  }
  if (r < n) {
    s[w++] = s[r];
  }
  return w;
}
/* Per vector: byte i goes when it is a backslash followed by a newline (slide1down brings the next
 * byte, the one after the vector included) or a newline preceded by a backslash (slide1up brings the
 * previous byte). A pair split across vectors is seen from both sides, so it needs no extra step. */
#define MERGE(L, B)                                                                                                                        \
  __attribute__((noinline)) static size_t merge_m##L(uint8_t* s, size_t n)                                                                 \
  {                                                                                                                                        \
    uint8_t* w = s;                                                                                                                        \
    const uint8_t* r = s;                                                                                                                  \
    uint8_t prev = 0;                                                                                                                      \
    for (size_t vl, kept; n > 0; n -= vl, r += vl, w += kept) {                                                                            \
      vl = __riscv_vsetvl_e8m##L(n);                                                                                                       \
      uint8_t next = n > vl ? r[vl] : 0;                                                                                                   \
      vuint8m##L##_t v = __riscv_vle8_v_u8m##L(r, vl);                                                                                     \
      vuint8m##L##_t up = __riscv_vslide1up_vx_u8m##L(v, prev, vl);                                                                        \
      vuint8m##L##_t down = __riscv_vslide1down_vx_u8m##L(v, next, vl);                                                                    \
      vbool##B##_t keep_nl =                                                                                                               \
          __riscv_vmor_mm_b##B(__riscv_vmsne_vx_u8m##L##_b##B(v, '\n', vl), __riscv_vmsne_vx_u8m##L##_b##B(up, '\\', vl), vl);             \
      vbool##B##_t keep_bs =                                                                                                               \
          __riscv_vmor_mm_b##B(__riscv_vmsne_vx_u8m##L##_b##B(v, '\\', vl), __riscv_vmsne_vx_u8m##L##_b##B(down, '\n', vl), vl);           \
      vbool##B##_t keep = __riscv_vmand_mm_b##B(keep_nl, keep_bs, vl);                                                                     \
      prev = r[vl - 1];                                                                                                                    \
      kept = __riscv_vcpop_m_b##B(keep, vl);                                                                                               \
      __riscv_vse8_v_u8m##L(w, __riscv_vcompress_vm_u8m##L(v, keep, vl), kept);                                                            \
    }                                                                                                                                      \
    return (size_t)(w - s);                                                                                                                \
  }
PER_LMUL_B(MERGE)

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint8_t random_byte(void)
{
  rng = rng * 6364136223846793005u + 1442695040888963407u;
  return (uint8_t)(rng >> 56);
}

int main(int argc, char** argv)
{
  if (argc != 4) {
    return 2;
  }
  int family = atoi(argv[1]), impl = atoi(argv[2]);
  size_t n = strtoul(argv[3], 0, 0);
  if (impl < 0 || impl > (family == 0 ? 7 : 4) || family < 0 || family > 5 || n == 0) {
    return 2;
  }
  uint8_t *a = malloc(4 * n + 64), *b = malloc(4 * n + 64), *ref = malloc(4 * n + 64);
  uint32_t* s32 = (uint32_t*)a;
  static const uint8_t table[16] = {0x7f, 0x90, 0x64, 0x45, 0xe0, 0x2d, 0xce, 0xb8, 0xf8, 0xad, 0xf7, 0xc0, 0x9f, 0xaa, 0x48, 0xa0};
  for (size_t i = 0; i < 4 * n + 64; ++i) {
    uint8_t x = random_byte();
    a[i] = family == 2 ? (uint8_t)(x | 1) : family == 5 ? (uint8_t) "\\\na"[x % 3] : x;
  }
  if (family == 2) {
    a[n] = 0;
  }
  memcpy(ref, a, 4 * n + 64);
  void (*bswap[])(uint32_t*, size_t) = {bswap_scalar, bswap_m1, bswap_m2, bswap_m4, bswap_m8, bswap_m1s_m2, bswap_m1s_m4, bswap_m1s_m8};
  void (*mrev[])(uint8_t*, const uint8_t*, size_t) = {mrev_scalar, mrev_m1, mrev_m2, mrev_m4, mrev_m8};
  size_t (*slen[])(const char*) = {strlen_scalar, strlen_m1, strlen_m2, strlen_m4, strlen_m8};
  size_t (*utf8[])(const uint8_t*, size_t) = {utf8_scalar, utf8_m1, utf8_m2, utf8_m4, utf8_m8};
  void (*lut4[])(const uint8_t*, uint8_t*, size_t) = {lut4_scalar, lut4_m1, lut4_m2, lut4_m4, lut4_m8};
  size_t (*merge[])(uint8_t*, size_t) = {merge_scalar, merge_m1, merge_m2, merge_m4, merge_m8};
  size_t result = 0;
  __asm__ volatile("slti x0, x0, 1" ::: "memory");
  switch (family) {
  case 0:
    bswap[impl](s32, n);
    break;
  case 1:
    mrev[impl](b, a, n);
    break;
  case 2:
    result = slen[impl]((const char*)a);
    break;
  case 3:
    result = utf8[impl](a, n);
    break;
  case 4:
    lut4[impl](table, a, n);
    break;
  default:
    result = merge[impl](a, n);
    break;
  }
  __asm__ volatile("slti x0, x0, 2" ::: "memory");
  switch (family) {
  case 0:
    return s32[n / 2] == __builtin_bswap32(((const uint32_t*)ref)[n / 2]) && s32[n - 1] == __builtin_bswap32(((const uint32_t*)ref)[n - 1]) ? 0 : 1;
  case 1:
    return b[0] == a[n - 1] && b[n - 1] == a[0] ? 0 : 1;
  case 2:
    return result == n ? 0 : 1;
  case 3:
    return result == utf8_scalar(ref, n) ? 0 : 1;
  case 4:
    lut4_scalar(table, ref, n);
    return memcmp(a, ref, n) == 0 ? 0 : 1;
  default: {
    size_t want = merge_scalar(ref, n);
    return result == want && memcmp(a, ref, want) == 0 ? 0 : 1;
  }
  }
}
