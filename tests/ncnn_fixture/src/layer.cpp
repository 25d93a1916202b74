#include "layer.h"

namespace ncnn {

int Layer::forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option& opt) const
{
  if (bottoms.size() != 1 || tops.size() != 1) {
    return -1;
  }
  return forward(bottoms[0], tops[0], opt);
}

int Layer::forward(const Mat& bottom, Mat& top, const Option& opt) const
{
  if (!support_inplace) {
    return -1;
  }
  top = bottom.clone();
  return forward_inplace(top, opt);
}

Layer* create_layer(const char* type)
{
  return create_layer_cpu(type);
}

} // namespace ncnn
