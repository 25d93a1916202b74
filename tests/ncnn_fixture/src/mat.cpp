#include "mat.h"

#include <cstdlib>
#include <cstring>

namespace ncnn {

Mat::Mat(const Mat& m)
  : data(m.data)
  , refcount(m.refcount)
  , elemsize(m.elemsize)
  , elempack(m.elempack)
  , dims(m.dims)
  , w(m.w)
  , h(m.h)
  , c(m.c)
  , cstep(m.cstep)
{
  if (refcount) {
    ++*refcount;
  }
}

Mat& Mat::operator=(const Mat& m)
{
  if (this == &m) {
    return *this;
  }
  if (m.refcount) {
    ++*m.refcount;
  }
  release();
  data = m.data;
  refcount = m.refcount;
  elemsize = m.elemsize;
  elempack = m.elempack;
  dims = m.dims;
  w = m.w;
  h = m.h;
  c = m.c;
  cstep = m.cstep;
  return *this;
}

void Mat::create(int w_, int h_, int c_, size_t elemsize_, int elempack_)
{
  release();
  w = w_;
  h = h_;
  c = c_;
  elemsize = elemsize_;
  elempack = elempack_;
  dims = 3;
  // channel planes start 16-byte aligned, as NCNN's do
  const size_t plane_bytes = (size_t(w) * h * elemsize + 15) / 16 * 16;
  cstep = plane_bytes / elemsize;
  if (total() == 0) {
    return;
  }
  data = std::aligned_alloc(64, (total() * elemsize + 63) / 64 * 64);
  refcount = new int(1);
}

void Mat::create(int w_, size_t elemsize_, int elempack_)
{
  release();
  w = w_;
  h = 1;
  c = 1;
  elemsize = elemsize_;
  elempack = elempack_;
  dims = 1;
  cstep = static_cast<size_t>(w);
  if (total() == 0) {
    return;
  }
  data = std::aligned_alloc(64, (total() * elemsize + 63) / 64 * 64);
  refcount = new int(1);
}

void Mat::create(int w_, int h_, size_t elemsize_, int elempack_)
{
  create(w_ * h_, elemsize_, elempack_);
  w = w_;
  h = h_;
  dims = 2;
}

Mat Mat::clone() const
{
  Mat m;
  if (dims == 1) {
    m.create(w, elemsize, elempack);
  } else if (dims == 2) {
    m.create(w, h, elemsize, elempack);
  } else {
    m.create(w, h, c, elemsize, elempack);
  }
  if (total() > 0) {
    std::memcpy(m.data, data, total() * elemsize);
  }
  return m;
}

void Mat::release()
{
  if (refcount && --*refcount == 0) {
    std::free(data);
    delete refcount;
  }
  data = nullptr;
  refcount = nullptr;
}

} // namespace ncnn
