// Weights for Layer::load_model. NCNN reads them from a .bin file; its tests (and
// eok's harness) hand over an array of Mats, one per load() call, in order.
#pragma once
#include "mat.h"

namespace ncnn {

class ModelBin
{
public:
  virtual ~ModelBin() = default;
  // w elements; type 0 = as stored, 1 = fp32 (the array form ignores it)
  virtual Mat load(int w, int type) const = 0;
};

class ModelBinFromMatArray : public ModelBin
{
public:
  explicit ModelBinFromMatArray(const Mat* weights)
    : m_next(weights)
  {
  }
  Mat load(int w, int) const override
  {
    if (!m_next || m_next->w != w) {
      return Mat();
    }
    return *m_next++;
  }

private:
  mutable const Mat* m_next;
};

} // namespace ncnn
