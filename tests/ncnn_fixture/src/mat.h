// A 1-D, 2-D or 3-D tensor of w x h x c elements where `elempack` consecutive channels are
// interleaved per element (elempack 1: planar; packn: one vector register of
// channels). `cstep` is the channel stride in elements of `elemsize` bytes.
#pragma once
#include <cstddef>

namespace ncnn {

class Mat
{
public:
  Mat() = default;
  explicit Mat(int w) { create(w, 4u, 1); } // 1-D fp32, as a weight blob
  Mat(int w, size_t elemsize, int elempack) { create(w, elemsize, elempack); }
  Mat(int w, int h, size_t elemsize, int elempack) { create(w, h, elemsize, elempack); }
  Mat(int w, int h, int c, size_t elemsize, int elempack) { create(w, h, c, elemsize, elempack); }
  Mat(const Mat& m);
  Mat& operator=(const Mat& m);
  ~Mat() { release(); }
  void create(int w, size_t elemsize, int elempack);        // 1-D: w elements
  void create(int w, int h, size_t elemsize, int elempack); // 2-D: h rows of w
  void create(int w, int h, int c, size_t elemsize, int elempack);
  Mat clone() const;
  int elembits() const { return elempack ? static_cast<int>(elemsize * 8 / elempack) : 0; }
  void release();
  bool empty() const { return data == nullptr || total() == 0; }
  size_t total() const { return cstep * c; }
  // channel q (of the packed channels) as a view of one w x h plane
  float* channel(int q) { return reinterpret_cast<float*>(static_cast<unsigned char*>(data) + cstep * q * elemsize); }
  const float* channel(int q) const
  {
    return reinterpret_cast<const float*>(static_cast<const unsigned char*>(data) + cstep * q * elemsize);
  }

  void* data = nullptr;
  int* refcount = nullptr;
  size_t elemsize = 0; // bytes per element (an element holds elempack values)
  int elempack = 1;
  int dims = 0;
  int w = 0, h = 0, c = 0;
  size_t cstep = 0;
};

} // namespace ncnn
