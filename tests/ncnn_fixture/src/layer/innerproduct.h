#pragma once
#include "layer.h"

namespace ncnn {

// Fully connected: out[o] = bias[o] + sum_k x[k] * weight[o * n + k] over the
// input flattened in planar order (params 0: num_output, 1: bias_term,
// 2: weight_data_size; weights: weight, then bias when bias_term).
class InnerProduct : public Layer
{
public:
  InnerProduct();
  int load_param(const ParamDict& pd) override;
  int load_model(const ModelBin& mb) override;
  int forward(const Mat& bottom, Mat& top, const Option& opt) const override;
  int num_output = 0, bias_term = 0, weight_data_size = 0;
  Mat weight_data, bias_data;
};

} // namespace ncnn
