// Layer interface: parameters by integer id (as NCNN's .param files give
// them), weights through a ModelBin, an Option for the forward pass; in-place
// forward for unary layers, forward with bottom and top blobs for the others.
#pragma once
#include "mat.h"
#include "modelbin.h"

#include <map>
#include <string>
#include <vector>

namespace ncnn {

class Option
{
public:
  bool use_packing_layout = true;
  bool use_fp16_packed = false;
  bool use_fp16_storage = false;
  bool use_fp16_arithmetic = false;
  bool use_bf16_storage = false;
  int num_threads = 1;
};

class ParamDict
{
public:
  float get(int id, float def) const
  {
    auto it = m_values.find(id);
    return it == m_values.end() ? def : it->second;
  }
  int get(int id, int def) const
  {
    auto it = m_values.find(id);
    return it == m_values.end() ? def : static_cast<int>(it->second);
  }
  void set(int id, float v) { m_values[id] = v; }
  void set(int id, int v) { m_values[id] = static_cast<float>(v); }

private:
  std::map<int, float> m_values;
};

class Layer
{
public:
  virtual ~Layer() = default;
  virtual int load_param(const ParamDict&) { return 0; }
  virtual int create_pipeline(const Option&) { return 0; }
  virtual int destroy_pipeline(const Option&) { return 0; }
  virtual int load_model(const ModelBin&) { return 0; }
  // As NCNN's Layer: forward of one blob copies and runs in place when the layer supports it.
  virtual int forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option& opt) const;
  virtual int forward(const Mat& bottom, Mat& top, const Option& opt) const;
  virtual int forward_inplace(Mat&, const Option&) const { return -1; }

  bool one_blob_only = true;
  bool support_inplace = true;
  bool support_packing = false;
  bool support_fp16_storage = false;
  std::string type;
};

Layer* create_layer_naive(const char* type);
Layer* create_layer_cpu(const char* type); // the architecture's layer when there is one
Layer* create_layer(const char* type);

} // namespace ncnn
