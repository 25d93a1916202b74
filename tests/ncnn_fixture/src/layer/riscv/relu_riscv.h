#pragma once
#include "relu.h"

namespace ncnn {

class ReLU_riscv : public ReLU
{
public:
  ReLU_riscv();
  int forward_inplace(Mat& m, const Option& opt) const override;

protected:
  // fp16 storage (relu_riscv_zfh.cpp, compiled with Zfh and Zvfh as NCNN's _zfh files are)
  int forward_inplace_fp16s(Mat& m, const Option& opt) const;
};

} // namespace ncnn
