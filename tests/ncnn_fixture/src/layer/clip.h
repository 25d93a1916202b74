#pragma once
#include "layer.h"

namespace ncnn {

// y = min(max(x, min), max)   (param 0: min, param 1: max)
class Clip : public Layer
{
public:
  int load_param(const ParamDict& pd) override;
  int forward_inplace(Mat& m, const Option& opt) const override;
  float min = -1.f, max = 1.f;
};

} // namespace ncnn
