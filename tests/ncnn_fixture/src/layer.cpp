#include "layer.h"

namespace ncnn {

Layer* create_layer(const char* type)
{
  return create_layer_cpu(type);
}

} // namespace ncnn
