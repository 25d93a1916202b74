#pragma once
#include "cast.h"

namespace ncnn {

class Cast_riscv : public Cast
{
public:
  Cast_riscv();
  int forward(const Mat& bottom, Mat& top, const Option& opt) const override;

protected:
  // fp16 -> fp32 (cast_riscv_zfh.cpp, compiled with Zfh and Zvfh as NCNN's _zfh files are)
  void cast_fp16_to_fp32(const Mat& bottom, Mat& top) const;
};

} // namespace ncnn
