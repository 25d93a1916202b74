#pragma once
#include "layer.h"

namespace ncnn {

// Element-wise a op b over two blobs of one shape, or b one value per channel (1 x 1 x c)
// (param 0: op_type, 0 add, 1 sub, 2 mul, 3 div, 4 max, 5 min).
class BinaryOp : public Layer
{
public:
  BinaryOp();
  int load_param(const ParamDict& pd) override;
  int forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option& opt) const override;
  int op_type = 0;
};

} // namespace ncnn
