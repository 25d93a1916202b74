// y[i] = a * x[i]; EOK_UNROLL elements per loop step.
#ifndef EOK_UNROLL
#define EOK_UNROLL 1
#endif

int eok_scale_unroll(void) { return EOK_UNROLL; }

void eok_scale_f32(const float* x, float* y, long n, float a)
{
  long i = 0;
  for (; i + EOK_UNROLL <= n; i += EOK_UNROLL) {
    for (int u = 0; u < EOK_UNROLL; ++u) {
      y[i + u] = a * x[i + u];
    }
  }
  for (; i < n; ++i) {
    y[i] = a * x[i];
  }
}
