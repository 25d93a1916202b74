// y[i] = x[i] + c; EOK_UNROLL elements per loop step.
#ifndef EOK_UNROLL
#define EOK_UNROLL 1
#endif

int eok_addc_unroll(void) { return EOK_UNROLL; }

void eok_addc_f32(const float* x, float* y, long n, float c)
{
  long i = 0;
  for (; i + EOK_UNROLL <= n; i += EOK_UNROLL) {
    for (int u = 0; u < EOK_UNROLL; ++u) {
      y[i + u] = x[i + u] + c;
    }
  }
  for (; i < n; ++i) {
    y[i] = x[i] + c;
  }
}
