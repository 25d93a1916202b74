#include "innerproduct.h"

namespace ncnn {

InnerProduct::InnerProduct()
{
  support_inplace = false;
}

int InnerProduct::load_param(const ParamDict& pd)
{
  num_output = pd.get(0, 0);
  bias_term = pd.get(1, 0);
  weight_data_size = pd.get(2, 0);
  return 0;
}

int InnerProduct::load_model(const ModelBin& mb)
{
  weight_data = mb.load(weight_data_size, 0);
  if (weight_data.empty()) {
    return -100;
  }
  if (bias_term) {
    bias_data = mb.load(num_output, 1);
    if (bias_data.empty()) {
      return -100;
    }
  }
  return 0;
}

int InnerProduct::forward(const Mat& bottom, Mat& top, const Option&) const
{
  const int size = bottom.w * bottom.h;
  const int n = size * bottom.c;
  if (bottom.elempack != 1 || n * num_output != weight_data_size) {
    return -100;
  }
  top.create(num_output, 4u, 1);
  const float* w = static_cast<const float*>(weight_data.data);
  float* out = static_cast<float*>(top.data);
  for (int o = 0; o < num_output; o++) {
    float sum = bias_term ? static_cast<const float*>(bias_data.data)[o] : 0.f;
    for (int q = 0; q < bottom.c; q++) {
      const float* x = bottom.channel(q);
      for (int i = 0; i < size; i++) {
        sum += x[i] * w[o * n + q * size + i];
      }
    }
    out[o] = sum;
  }
  return 0;
}

} // namespace ncnn
