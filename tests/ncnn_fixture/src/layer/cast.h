#pragma once
#include "layer.h"

namespace ncnn {

// Element type conversion (param 0 type_from, 1 type_to: 1 fp32, 2 fp16, 3 int8, 4 bf16) of
// the pairs fp16 -> fp32, int8 -> fp32, bf16 -> fp32 and fp32 -> bf16 (truncating, as NCNN);
// a blob whose element size is not type_from's is an error.
class Cast : public Layer
{
public:
  Cast();
  int load_param(const ParamDict& pd) override;
  int forward(const Mat& bottom, Mat& top, const Option& opt) const override;
  int type_from = 1;
  int type_to = 1;
};

size_t cast_type_bytes(int type); // 0 for a type the fixture does not have

} // namespace ncnn
