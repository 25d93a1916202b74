// Planted (bnll_f16): log(1 + exp(x)) without the stable split, exp held in fp16: it
// overflows to +Inf above x = 11.1, where bnll is x; must be wrong_output.
#include <math.h>

void eok_bnll_f16(const _Float16* x, _Float16* y, long n)
{
  for (long i = 0; i < n; ++i) {
    _Float16 e = (_Float16)expf((float)x[i]);
    y[i] = (_Float16)log1pf((float)e);
  }
}
