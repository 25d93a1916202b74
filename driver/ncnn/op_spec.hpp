// A shipped description of one NCNN layer configuration to tune (ncnn/ops/<op>.toml,
// format in ncnn/ops/FORMAT.md): the layer type, the RISC-V file that is ker0,
// its parameters, the test shapes, the perf shape, input range, special values
// and tolerance of the comparison against NCNN's naive layer.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace eok::ncnn {

struct Shape
{
  int w = 1, h = 1, c = 1;
};

struct Param
{
  int id = 0;
  double value = 0;
  bool is_int = false; // NCNN's ParamDict keeps ints and floats apart
};

// One ModelBin blob, in the order the layer's load_model reads them.
struct Weight
{
  int size = 0;
  double lo = -1, hi = 1; // uniform from the run's seed
};

struct OpSpec
{
  std::string name;            // "relu": file src/layer/riscv/relu_riscv.cpp; "relu_fp16": relu_riscv_zfh.cpp
  std::string type;            // NCNN layer type name, "ReLU"
  std::string file;            // path under the NCNN tree
  std::vector<Param> params;   // ParamDict entries
  std::vector<Weight> weights; // load_model's blobs
  int inputs = 1;              // bottom blobs, each of the shape or of its input_forms entry
  // per input: "same" (the shape), "channel" (1 x 1 x c: one value per channel, broadcast),
  // "pixel" (w x h x 1: one plane shared by the channels), "scalar" (1 x 1 x 1); empty: all "same"
  std::vector<std::string> input_forms;
  std::string input_type = "fp32";  // the bottom blobs' storage for both layers: fp32, fp16, bf16, int8 (Cast's pairs)
  std::string output_type = "auto"; // a 2-byte output is fp16 (auto, fp16) or bf16
  bool unpacked_inputs = false;     // inputs stay at elempack 1 (a layer that packs them itself: Packing)
  int dims = 3;                     // 3: [w, h, c] blobs packed by channel; 2: [w, h, 1] as w x h packed by row
  std::vector<Shape> shapes;        // correctness shapes
  Shape perf_shape;
  double lo = -1, hi = 1;       // input range
  bool specials = true;         // NaN, ±Inf, ±0, denormals, extremes
  bool nan = true;              // NaN among the specials (NCNN's RVV min/max drop it)
  bool huge = true;             // ±FLT_MAX among the specials (sums may overflow in any order)
  bool fp16 = false;            // fp16 storage task: the _zfh.cpp file, compared in fp16 steps
  bool fp16_arithmetic = false; // fp16 tasks: opt.use_fp16_arithmetic on (NCNN's *_fp16sa paths)
  int ulps = 0;                 // fp16: allowed distance in fp16 steps from the naive fp32 result
  double atol = 0, rtol = 0;    // |opt - naive| <= atol + rtol * |naive|
  int seeds = 3;                // fresh seeds per run
  std::string path;             // the description's file
};

// Throws Fatal "file:line: what".
OpSpec load_op_spec(const std::string& path);
// ncnn/ops/<name>.toml from the shipped directory.
std::string shipped_ops_dir();
std::vector<std::string> shipped_op_names();

} // namespace eok::ncnn
