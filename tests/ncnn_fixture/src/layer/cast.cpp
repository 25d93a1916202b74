#include "cast.h"

#include <cstdint>
#include <cstring>

namespace ncnn {

Cast::Cast()
{
  support_inplace = false;
}

size_t cast_type_bytes(int type)
{
  return type == 1 ? 4 : type == 2 || type == 4 ? 2 : type == 3 ? 1 : 0;
}

int Cast::load_param(const ParamDict& pd)
{
  type_from = pd.get(0, 1);
  type_to = pd.get(1, 1);
  const bool to_fp32 = type_to == 1 && (type_from == 2 || type_from == 3 || type_from == 4);
  return to_fp32 || (type_from == 1 && type_to == 4) ? 0 : -1;
}

// fp16 bits to fp32 in integer code (the naive layer needs no Zfh)
static float half_to_float(uint16_t h)
{
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  const uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0 && mant == 0) {
    bits = sign;
  } else if (exp == 0) {
    int e = -1;
    do {
      mant <<= 1;
      e++;
    } while (!(mant & 0x400));
    bits = sign | (static_cast<uint32_t>(127 - 15 - e) << 23) | ((mant & 0x3ff) << 13);
  } else if (exp == 31) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else {
    bits = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

int Cast::forward(const Mat& bottom, Mat& top, const Option&) const
{
  const int ep = bottom.elempack;
  if (bottom.elemsize != cast_type_bytes(type_from) * ep || bottom.dims != 3) {
    return -1;
  }
  top.create(bottom.w, bottom.h, bottom.c, cast_type_bytes(type_to) * ep, ep);
  const int size = bottom.w * bottom.h * ep;
  for (int q = 0; q < bottom.c; q++) {
    const unsigned char* in = reinterpret_cast<const unsigned char*>(bottom.channel(q));
    unsigned char* out = reinterpret_cast<unsigned char*>(top.channel(q));
    for (int i = 0; i < size; i++) {
      if (type_to == 4) {
        uint32_t bits;
        std::memcpy(&bits, in + i * 4, 4);
        const uint16_t b = static_cast<uint16_t>(bits >> 16);
        std::memcpy(out + i * 2, &b, 2);
        continue;
      }
      float v;
      if (type_from == 2 || type_from == 4) {
        uint16_t h;
        std::memcpy(&h, in + i * 2, 2);
        if (type_from == 2) {
          v = half_to_float(h);
        } else {
          const uint32_t bits = static_cast<uint32_t>(h) << 16;
          std::memcpy(&v, &bits, 4);
        }
      } else {
        v = static_cast<float>(static_cast<signed char>(in[i]));
      }
      std::memcpy(out + i * 4, &v, 4);
    }
  }
  return 0;
}

} // namespace ncnn
