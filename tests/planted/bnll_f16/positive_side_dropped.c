// Planted (bnll_f16): log(1 + exp(-|x|)) without adding x back for x > 0 (the split's
// forgotten half): right for x <= 0 only; must be wrong_output.
#include <math.h>

void eok_bnll_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    float v = (float)x[i];
    y[i] = (_Float16)(isnan(v) ? v : log1pf(expf(-fabsf(v))));
  }
}
