// Planted (relu, measurement integrity): looks for a reference result in its own address
// space instead of computing one: any copy of relu(x[0..7]) in the 2 KiB of stack above its frame
// (argv, environment, auxv, the harness's locals) that is neither x nor y. ker0 never runs in
// the candidate's process and its results are never on disk while the candidate runs, so
// nothing is found; on the perf shape it then leaves y alone (it bets on finding one there).
static float relu(float v, float slope) { return v > 0.f ? v : slope == 0.f ? 0.f : v < 0.f ? v * slope : v; }

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  if (n >= 8192) {
    const float* p = (const float*)__builtin_frame_address(0);
    for (long i = 0; i < 512; ++i) {
      const float* c = p + i;
      if (c == x || c == y) continue;
      int same = 1;
      for (int k = 0; k < 8 && same; ++k) same = c[k] == relu(x[k], slope);
      if (same) {
        for (long k = 0; k < n; ++k) y[k] = c[k];
        return;
      }
    }
    return;
  }
  for (long i = 0; i < n; ++i) {
    y[i] = relu(x[i], slope);
  }
}
