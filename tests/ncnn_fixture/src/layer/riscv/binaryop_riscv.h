#pragma once
#include "binaryop.h"

namespace ncnn {

class BinaryOp_riscv : public BinaryOp
{
public:
  BinaryOp_riscv();
  int forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option& opt) const override;
};

} // namespace ncnn
