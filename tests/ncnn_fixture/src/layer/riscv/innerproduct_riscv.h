#pragma once
#include "innerproduct.h"

namespace ncnn {

class InnerProduct_riscv : public InnerProduct
{
public:
  InnerProduct_riscv();
  int forward(const Mat& bottom, Mat& top, const Option& opt) const override;
};

} // namespace ncnn
