#pragma once
#include "clip.h"

namespace ncnn {

class Clip_riscv : public Clip
{
public:
  Clip_riscv();
  int forward_inplace(Mat& m, const Option& opt) const override;
};

} // namespace ncnn
