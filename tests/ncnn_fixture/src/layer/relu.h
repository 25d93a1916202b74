#pragma once
#include "layer.h"

namespace ncnn {

// y = x > 0 ? x : slope * x   (param 0: slope, default 0)
class ReLU : public Layer
{
public:
  int load_param(const ParamDict& pd) override;
  int forward_inplace(Mat& m, const Option& opt) const override;
  float slope = 0.f;
};

} // namespace ncnn
