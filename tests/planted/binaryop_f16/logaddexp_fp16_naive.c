// Planted (binaryop_f16): LOGADDEXP as log(exp(a) + exp(b)) with the exponentials stored in
// fp16, as an fp16-storage layer without the max taken out would: exp(x) is Inf from x = 11.1
// on, so logaddexp(65504, x) comes out Inf instead of 65504 (NaN operands dropped by fmax/fmin
// as vfmax/vfmin do, so only the range fails).
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
  case 14: /* the textbook form in fp16 steps: exp rounded to fp16 overflows from 11.1 on */
    return (_Float16)logf((float)((_Float16)expf((float)fmax(x, z)) + (_Float16)expf((float)fmin(x, z))));
  case 15: return (_Float16)floorf((float)x / (float)z);
  case 16: return (_Float16)floorf((float)z / (float)x);
  case 17: return (_Float16)remainderf((float)x, (float)z);
  case 18: return (_Float16)remainderf((float)z, (float)x);
  default: return 0;
  }
}

void eok_binaryop_f16(const _Float16* a, const _Float16* b, _Float16* y, long c, long hw,
                      long pack, long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  long size = hw * pack;
  for (long q = 0; q < c; ++q) {
    for (long i = 0; i < size; ++i) {
      long k = q * size + i, l = i % pack;
      _Float16 x = form == 3 ? a[q * pack + l] : form == 5 ? a[i / pack] : a[k];
      _Float16 z = form == 0 || form == 3 || form == 5 ? b[k] : form == 1 ? b[0]
          : form == 4 ? b[i / pack] : b[q * pack + l];
      y[k] = one(x, z, op);
    }
  }
}
