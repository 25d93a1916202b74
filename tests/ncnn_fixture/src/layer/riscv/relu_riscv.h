#pragma once
#include "relu.h"

namespace ncnn {

class ReLU_riscv : public ReLU
{
public:
  ReLU_riscv();
  int forward_inplace(Mat& m, const Option& opt) const override;
};

} // namespace ncnn
