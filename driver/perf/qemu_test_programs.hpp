// C sources of the programs the perf::qemu tests build with the target's clang and
// run under QEMU with the counting plugin. Kept apart from the test logic.
#pragma once

namespace eok::perf::test {

// `prog <kernel> <n> [extra]`: kernel relu_m1 | relu_m8 | relu_scalar | vfdiv (n: repetitions).
// `extra` adds harness-like work (a loop, printf) outside the region of interest.
inline const char* const k_kernels_c = R"(
#include <riscv_vector.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROI_BEGIN() __asm__ volatile("slti x0, x0, 1" ::: "memory")
#define ROI_END() __asm__ volatile("slti x0, x0, 2" ::: "memory")

__attribute__((noinline)) void relu_m1(float *dst, const float *src, size_t n) {
  for (size_t vl; n > 0; n -= vl, src += vl, dst += vl) {
    vl = __riscv_vsetvl_e32m1(n);
    vfloat32m1_t v = __riscv_vle32_v_f32m1(src, vl);
    __riscv_vse32_v_f32m1(dst, __riscv_vfmax_vf_f32m1(v, 0.0f, vl), vl);
  }
}

__attribute__((noinline)) void relu_m8(float *dst, const float *src, size_t n) {
  for (size_t vl; n > 0; n -= vl, src += vl, dst += vl) {
    vl = __riscv_vsetvl_e32m8(n);
    vfloat32m8_t v = __riscv_vle32_v_f32m8(src, vl);
    __riscv_vse32_v_f32m8(dst, __riscv_vfmax_vf_f32m8(v, 0.0f, vl), vl);
  }
}

__attribute__((noinline)) void relu_scalar(float *dst, const float *src, size_t n) {
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
  for (size_t i = 0; i < n; i++) dst[i] = src[i] > 0.0f ? src[i] : 0.0f;
}

__attribute__((noinline)) void vfdiv_loop(float *dst, const float *src, size_t reps) {
  size_t vl = __riscv_vsetvlmax_e32m8();
  vfloat32m8_t a = __riscv_vle32_v_f32m8(src, vl);
  vfloat32m8_t b = __riscv_vle32_v_f32m8(src + vl, vl);
  for (size_t r = 0; r < reps; r++) a = __riscv_vfdiv_vv_f32m8(a, b, vl);
  __riscv_vse32_v_f32m8(dst, a, vl);
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  const char *k = argv[1];
  size_t n = strtoul(argv[2], 0, 0);
  size_t len = n < 1024 ? 1024 : n;
  float *src = malloc(len * sizeof(float)), *dst = malloc(len * sizeof(float));
  for (size_t i = 0; i < len; i++) src[i] = (float)((int)(i % 17) - 8) + 1.5f;
  if (argc > 3) {
    volatile double acc = 0;
    for (int i = 0; i < 100000; i++) acc += i * 0.5;
    printf("extra work %.1f\n", acc);
  }
  int which = !strcmp(k, "relu_m1") ? 1 : !strcmp(k, "relu_m8") ? 8 : !strcmp(k, "relu_scalar") ? 0 : 9;
  ROI_BEGIN();
  if (which == 1) relu_m1(dst, src, n);
  else if (which == 8) relu_m8(dst, src, n);
  else if (which == 0) relu_scalar(dst, src, n);
  else vfdiv_loop(dst, src, n);
  ROI_END();
  double sum = 0;
  for (size_t i = 0; i < len; i++) sum += dst[i];
  printf("%s %zu %.1f\n", k, n, sum);
  return 0;
}
)";

// Hand-written vector code with known dynamic counts: vtype set outside a loop,
// vtype switching inside one, vsetvl (vtype unknown), a masked load with 4 of 8
// elements active.
inline const char* const k_vtype_c = R"(
#include <stdio.h>
static float buf[64];
int main(void) {
  __asm__ volatile("slti x0, x0, 1" ::: "memory");
  __asm__ volatile(
      "vsetivli zero, 8, e32, m2, ta, ma\n"
      "li t0, 100\n"
      "1: vadd.vv v2, v4, v6\n"
      "addi t0, t0, -1\n"
      "bnez t0, 1b\n"
      "li t0, 30\n"
      "li a0, 4\n"
      "2: vsetvli zero, a0, e16, mf2, ta, mu\n"
      "vsub.vv v1, v2, v3, v0.t\n"
      "vsetvli zero, a0, e64, m4, ta, ma\n"
      "vmul.vx v4, v8, t1\n"
      "addi t0, t0, -1\n"
      "bnez t0, 2b\n"
      "li t2, 0x10\n"
      "li t0, 7\n"
      "3: vsetvl zero, a0, t2\n"
      "vxor.vv v1, v2, v3\n"
      "addi t0, t0, -1\n"
      "bnez t0, 3b\n"
      "vsetivli zero, 8, e8, m1, ta, ma\n"
      "li t3, 0x55\n"
      "vmv.v.x v0, t3\n"
      "vsetivli zero, 8, e32, m1, ta, ma\n"
      "li t0, 10\n"
      "4: vle32.v v1, (%0), v0.t\n"
      "addi t0, t0, -1\n"
      "bnez t0, 4b\n"
      :: "r"(buf) : "t0", "t1", "t2", "t3", "a0", "memory", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
         "v8", "v9", "v10", "v11");
  __asm__ volatile("slti x0, x0, 2" ::: "memory");
  printf("done\n");
  return 0;
}
)";

// The wall protocol (runner.hpp): `perf <seed> <warm> <runs>`, a cache-flush sweep larger
// than L2 before each run, one `eok-wall-ns` and `eok-wall-cycles` line per measured run.
inline const char* const k_wall_harness_c = R"(
#include <riscv_vector.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned char sweep[1 << 20]; /* 1 MiB > the X60's 512 KiB L2 */

static uint64_t cycles_now(void) {
  uint64_t c;
  __asm__ volatile("rdcycle %0" : "=r"(c));
  return c;
}

static void relu(float *dst, const float *src, size_t n) {
  for (size_t vl; n > 0; n -= vl, src += vl, dst += vl) {
    vl = __riscv_vsetvl_e32m8(n);
    __riscv_vse32_v_f32m8(dst, __riscv_vfmax_vf_f32m8(__riscv_vle32_v_f32m8(src, vl), 0.0f, vl), vl);
  }
}

int main(int argc, char **argv) {
  if (argc != 5 || strcmp(argv[1], "perf") != 0) return 2;
  int warm = atoi(argv[3]), runs = atoi(argv[4]);
  size_t n = 4096;
  float *src = malloc(n * sizeof(float)), *dst = malloc(n * sizeof(float));
  srand((unsigned)atoi(argv[2]));
  for (size_t i = 0; i < n; i++) src[i] = (float)(rand() % 17) - 8.0f;
  for (int r = 0; r < warm + runs; r++) {
    for (size_t i = 0; i < sizeof sweep; i += 64) sweep[i]++;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t c0 = cycles_now();
    relu(dst, src, n);
    uint64_t c1 = cycles_now();
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (r >= warm) {
      printf("eok-wall-ns %lld\n", (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec));
      printf("eok-wall-cycles %llu\n", (unsigned long long)(c1 - c0));
    }
  }
  return 0;
}
)";

// `prog <mode>`: a harness-like program with the measured-call function the model runner
// guards (perf/runner.hpp k_measured_call_symbol). honest: markers only there, once;
// end_early: the "kernel" executes an end marker itself (a candidate cutting the region
// short); data_word: the same as a data word in the text; twice: the region entered twice.
inline const char* const k_guard_c = R"(
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) void kernel(int mode, float* y, long n) {
  if (mode == 1) __asm__ volatile("slti x0, x0, 2" ::: "memory");
  if (mode == 2) __asm__ volatile(".word 0x00202013" ::: "memory");
  for (long i = 0; i < n; ++i) y[i] = y[i] > 0 ? y[i] : 0;
}

__attribute__((noinline, used)) void eok_measured_call(int mode, float* y, long n) {
  __asm__ volatile("slti x0, x0, 1" ::: "memory");
  kernel(mode, y, n);
  __asm__ volatile("slti x0, x0, 2" ::: "memory");
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int mode = strcmp(argv[1], "end_early") == 0 ? 1 : strcmp(argv[1], "data_word") == 0 ? 2 : 0;
  float y[256];
  for (int i = 0; i < 256; ++i) y[i] = (float)(i - 128);
  eok_measured_call(mode, y, 256);
  if (strcmp(argv[1], "twice") == 0) eok_measured_call(0, y, 256);
  return 0;
}
)";

} // namespace eok::perf::test
