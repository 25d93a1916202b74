#include "ncnn/op_spec.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/toml_doc.hpp"

#include <algorithm>

#ifndef EOK_SOURCE_DIR
#define EOK_SOURCE_DIR "."
#endif

namespace eok::ncnn {

namespace {

Shape shape_of(toml::TableReader& r, const toml::Node& n)
{
  if (n.kind != toml::Kind::array || n.array.size() != 3) {
    r.fail(n, "a shape is [w, h, c]");
  }
  int v[3];
  for (size_t k = 0; k < 3; ++k) {
    if (n.array[k].kind != toml::Kind::integer || n.array[k].integer < 1 || n.array[k].integer > 1 << 20) {
      r.fail(n.array[k], "shape dimensions are integers from 1 to 2^20");
    }
    v[k] = static_cast<int>(n.array[k].integer);
  }
  return {v[0], v[1], v[2]};
}

} // namespace

OpSpec load_op_spec(const std::string& path)
{
  const toml::Document doc = toml::parse_file(path);
  toml::TableReader r(doc, doc.root, "op");
  OpSpec s;
  s.path = path;
  s.name = util::fs::path(path).stem().string();
  s.type = r.required_string("type");
  s.fp16 = r.boolean("fp16").value_or(false);
  // an fp16 task is named <op>_fp16 and its file is the op's _zfh.cpp
  const std::string base = s.fp16 && util::ends_with(s.name, "_fp16") ? s.name.substr(0, s.name.size() - 5) : s.name;
  s.file = r.string("file").value_or("src/layer/riscv/" + base + (s.fp16 ? "_riscv_zfh.cpp" : "_riscv.cpp"));
  if (const toml::Node* p = r.array("params")) {
    for (const auto& pair : p->array) {
      if (pair.kind != toml::Kind::array || pair.array.size() != 2 || pair.array[0].kind != toml::Kind::integer ||
          !pair.array[1].is_number()) {
        r.fail(pair, "params are [id, value] pairs");
      }
      s.params.push_back({static_cast<int>(pair.array[0].integer), pair.array[1].number(), pair.array[1].kind == toml::Kind::integer});
    }
  }
  if (const toml::Node* w = r.array("weights")) {
    for (const auto& blob : w->array) {
      if (blob.kind != toml::Kind::array || blob.array.size() != 3 || blob.array[0].kind != toml::Kind::integer ||
          blob.array[0].integer < 1 || blob.array[0].integer > 1 << 24 || !blob.array[1].is_number() || !blob.array[2].is_number() ||
          blob.array[1].number() > blob.array[2].number()) {
        r.fail(blob, "weights are [size, lo, hi] blobs (size from 1 to 2^24, lo <= hi)");
      }
      s.weights.push_back({static_cast<int>(blob.array[0].integer), blob.array[1].number(), blob.array[2].number()});
    }
  }
  s.inputs = static_cast<int>(r.integer("inputs").value_or(1));
  if (s.inputs < 1 || s.inputs > 8) {
    r.fail(doc.root, "inputs is from 1 to 8");
  }
  if (const toml::Node* forms = r.array("input_forms")) {
    for (const auto& f : forms->array) {
      if (f.kind != toml::Kind::string || (f.str != "same" && f.str != "channel" && f.str != "pixel" && f.str != "scalar")) {
        r.fail(f, "input_forms are \"same\", \"channel\", \"pixel\" or \"scalar\"");
      }
      s.input_forms.push_back(f.str);
    }
    if (static_cast<int>(s.input_forms.size()) != s.inputs) {
      r.fail(*forms, "input_forms has one entry per input (inputs = " + std::to_string(s.inputs) + ")");
    }
  }
  s.input_type = r.string("input_type").value_or("fp32");
  if (s.input_type != "fp32" && s.input_type != "fp16" && s.input_type != "bf16" && s.input_type != "int8") {
    r.fail(doc.root, "input_type is fp32, fp16, bf16 or int8");
  }
  if (s.fp16 && s.input_type != "fp32") {
    r.fail(doc.root, "input_type is for type conversions: an fp16 task's storage is already fp16");
  }
  s.output_type = r.string("output_type").value_or("auto");
  if (s.output_type != "auto" && s.output_type != "fp16" && s.output_type != "bf16") {
    r.fail(doc.root, "output_type is auto, fp16 or bf16 (how a 2-byte output is read)");
  }
  s.unpacked_inputs = r.boolean("unpacked_inputs").value_or(false);
  s.fp16_arithmetic = r.boolean("fp16_arithmetic").value_or(false);
  if (s.fp16_arithmetic && !s.fp16) {
    r.fail(doc.root, "fp16_arithmetic is for fp16 tasks (fp16 = true)");
  }
  const toml::Node* shapes = r.array("shapes");
  if (!shapes || shapes->array.empty()) {
    r.fail(shapes ? *shapes : doc.root, "shapes: at least one [w, h, c] is required");
  }
  for (const auto& n : shapes->array) {
    s.shapes.push_back(shape_of(r, n));
  }
  s.dims = static_cast<int>(r.integer("dims").value_or(3));
  if (s.dims != 2 && s.dims != 3) {
    r.fail(doc.root, "dims is 2 (w x h blobs) or 3 (w x h x c)");
  }
  const toml::Node* perf = r.get("perf_shape");
  if (!perf) {
    r.fail(doc.root, "perf_shape = [w, h, c] is required");
  }
  s.perf_shape = shape_of(r, *perf);
  if (s.dims == 2) {
    for (const Shape& sh : s.shapes) {
      if (sh.c != 1) {
        r.fail(*shapes, "dims = 2: shapes are [w, h, 1]");
      }
    }
    if (s.perf_shape.c != 1) {
      r.fail(*perf, "dims = 2: perf_shape is [w, h, 1]");
    }
  }
  if (const toml::Node* range = r.array("range")) {
    if (range->array.size() != 2 || !range->array[0].is_number() || !range->array[1].is_number() ||
        range->array[0].number() >= range->array[1].number()) {
      r.fail(*range, "range is [lo, hi] with lo < hi");
    }
    s.lo = range->array[0].number();
    s.hi = range->array[1].number();
  }
  s.specials = r.boolean("specials").value_or(true);
  s.nan = r.boolean("nan").value_or(true);
  s.huge = r.boolean("huge").value_or(true);
  s.ulps = static_cast<int>(r.integer("ulps").value_or(s.fp16 ? 1 : 0));
  if (s.ulps < 0 || s.ulps > 1024 || (s.ulps > 0 && !s.fp16)) {
    r.fail(doc.root, "ulps (fp16 steps, 0 to 1024) is for fp16 tasks");
  }
  s.atol = r.number("atol").value_or(0);
  s.rtol = r.number("rtol").value_or(0);
  if (s.atol < 0 || s.rtol < 0) {
    r.fail(doc.root, "atol and rtol are not negative");
  }
  s.seeds = static_cast<int>(r.integer("seeds").value_or(3));
  if (s.seeds < 1 || s.seeds > 100) {
    r.fail(doc.root, "seeds is from 1 to 100");
  }
  r.reject_unknown();
  return s;
}

std::string shipped_ops_dir()
{
  if (util::fs::is_directory("ncnn/ops")) {
    return "ncnn/ops";
  }
  return std::string(EOK_SOURCE_DIR) + "/ncnn/ops";
}

std::vector<std::string> shipped_op_names()
{
  std::vector<std::string> names;
  for (const auto& e : util::fs::directory_iterator(shipped_ops_dir())) {
    if (e.path().extension() == ".toml") {
      names.push_back(e.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace eok::ncnn
