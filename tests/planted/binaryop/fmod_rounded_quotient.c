// Planted (binaryop): FMOD and RFMOD as x - trunc(x / y) * y, NCNN's vector fmod_ps: exact
// while the quotient is small, wrong once x / y rounds (fmod(FLT_MAX, 1.5) comes out 0 or
// a multiple of an ulp of FLT_MAX instead of a value below 1.5).
#include <math.h>

static float one(float x, float z, long op)
{
  switch (op) {
  case 0: return x + z;
  case 1: return x - z;
  case 2: return x * z;
  case 3: return x / z;
  case 4: return fmaxf(x, z);
  case 5: return fminf(x, z);
  case 7: return z - x;
  case 8: return z / x;
  case 6: return powf(x, z);
  case 9: return powf(z, x);
  case 10: return atan2f(x, z);
  case 11: return atan2f(z, x);
  case 12: return x - truncf(x / z) * z;
  case 13: return z - truncf(z / x) * x;
  case 15: return floorf(x / z);
  case 16: return floorf(z / x);
  case 17: return remainderf(x, z);
  case 18: return remainderf(z, x);
  case 14: { // vfmax/vfmin drop a NaN operand; equal infinities (d NaN) give themselves
    float m = fmaxf(x, z), d = fminf(x, z) - m;
    return d != d ? m : m + log1pf(expf(d));
  }
  default: return 0.f;
  }
}

// The element of a (is_a) or b that output element ((q*h + r)*w + x)*pack + l pairs with, by
// the broadcast form (kernels/nn/binaryop/kernel.toml).
static long at(long form, int is_a, long q, long r, long x, long l, long h, long w, long pack)
{
  long f = form == 14 ? (is_a ? 6 : 8) : form > 1 && form % 2 ? (is_a ? form - 1 : 0) : is_a ? 0 : form;
  switch (f) {
  case 1: return 0;
  case 2: return q * pack + l;
  case 4: return r * w + x;
  case 6: return (q * h + r) * pack + l;
  case 8: return (q * w + x) * pack + l;
  case 10: return r;
  case 12: return x;
  default: return ((q * h + r) * w + x) * pack + l;
  }
}

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long h, long w,
                      long pack, long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      for (long x = 0; x < w; ++x) {
        for (long l = 0; l < pack; ++l) {
          float va = a[at(form, 1, q, r, x, l, h, w, pack)];
          float vb = b[at(form, 0, q, r, x, l, h, w, pack)];
          y[((q * h + r) * w + x) * pack + l] = one(va, vb, op);
        }
      }
    }
  }
}
