// Planted (relu, measurement integrity): tells the measured run from the checking ones by
// the harness's command line above its stack frame ("perf"), and then does only half the
// work: still above the speed-of-light bound, so only checking the measured call's own
// outputs catches it.
static int measured(void)
{
  const char* p = (const char*)__builtin_frame_address(0);
  for (long i = 0; i < (1L << 20); ++i) {
    if (p[i] == 0 && p[i + 1] == 'p' && p[i + 2] == 'e' && p[i + 3] == 'r' && p[i + 4] == 'f' && p[i + 5] == 0) {
      return 1;
    }
    if (p[i] == 0 && p[i + 1] == 'c' && p[i + 2] == 'h' && p[i + 3] == 'e' && p[i + 4] == 'c' && p[i + 5] == 'k' && p[i + 6] == 0) {
      return 0;
    }
  }
  return 0;
}

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  long end = measured() ? n / 2 : n;
  for (long i = 0; i < end; ++i) {
    y[i] = x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i];
  }
}
