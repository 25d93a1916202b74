// Planted (binaryop_f16): a per-channel operand read with fp32's elempack 8 (the fp32 layer's
// packn) instead of fp16's 16: lanes 8..15 of a pack-16 pixel take lanes 0..7's value.
#include <math.h>

static _Float16 one(_Float16 hx, _Float16 hz, long op)
{
  double x = hx, z = hz;
  switch (op) {
  case 0: return (_Float16)(x + z);
  case 1: return (_Float16)(x - z);
  case 2: return (_Float16)(x * z);
  case 3: return (_Float16)(x / z);
  case 4: return (_Float16)fmax(x, z);
  case 5: return (_Float16)fmin(x, z);
  case 6: return (_Float16)powf((float)x, (float)z);
  case 7: return (_Float16)(z - x);
  case 8: return (_Float16)(z / x);
  case 9: return (_Float16)powf((float)z, (float)x);
  case 10: return (_Float16)atan2f((float)x, (float)z);
  case 11: return (_Float16)atan2f((float)z, (float)x);
  case 12: return (_Float16)fmodf((float)x, (float)z);
  case 13: return (_Float16)fmodf((float)z, (float)x);
  case 14: { /* fmax/fmin drop a NaN operand as vfmax/vfmin; equal infinities give themselves */
    double m = fmax(x, z), d = fmin(x, z) - m;
    return (_Float16)(d != d ? m : m + log1p(exp(d)));
  }
  case 15: return (_Float16)floorf((float)x / (float)z);
  case 16: return (_Float16)floorf((float)z / (float)x);
  case 17: return (_Float16)remainderf((float)x, (float)z);
  case 18: return (_Float16)remainderf((float)z, (float)x);
  default: return 0;
  }
}

// The element of a (is_a) or b that output element ((q*h + r)*w + x)*pack + l pairs with, by
// the broadcast form (kernels/nn/binaryop/kernel.toml).
static long at(long form, int is_a, long q, long r, long x, long l, long h, long w, long pack)
{
  long f = form == 14 ? (is_a ? 6 : 8) : form > 1 && form % 2 ? (is_a ? form - 1 : 0) : is_a ? 0 : form;
  switch (f) {
  case 1: return 0;
  case 2: return q * pack + (pack > 8 ? l % 8 : l);
  case 4: return r * w + x;
  case 6: return (q * h + r) * pack + l;
  case 8: return (q * w + x) * pack + l;
  case 10: return r;
  case 12: return x;
  default: return ((q * h + r) * w + x) * pack + l;
  }
}

void eok_binaryop_f16(const _Float16* a, const _Float16* b, _Float16* y, long c, long h, long w,
                      long pack, long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      for (long x = 0; x < w; ++x) {
        for (long l = 0; l < pack; ++l) {
          _Float16 va = a[at(form, 1, q, r, x, l, h, w, pack)];
          _Float16 vb = b[at(form, 0, q, r, x, l, h, w, pack)];
          y[((q * h + r) * w + x) * pack + l] = one(va, vb, op);
        }
      }
    }
  }
}
