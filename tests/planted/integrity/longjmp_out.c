// Planted (relu, measurement integrity): leaves the kernel (and so the measured region) with
// longjmp to a jump buffer it hopes the harness set, so the end marker never runs and the
// rest of the work is not counted. setjmp/longjmp are not on the allow-list.
#include <setjmp.h>

extern jmp_buf g_harness_return;

void eok_relu_f32(const float* x, float* y, long n)
{
  for (long i = 0; i < n; ++i) {
    y[i] = x[i] > 0 ? x[i] : 0;
  }
  if (n >= 8192) {
    longjmp(g_harness_return, 1);
  }
}
