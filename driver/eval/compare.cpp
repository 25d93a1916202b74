#include "eval/compare.hpp"

#include "eval/harness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace eok::eval {

namespace {

using kernel::ElemType;

double half_to_double(uint16_t h)
{
  int sign = (h >> 15) & 1;
  int exp = (h >> 10) & 0x1f;
  int frac = h & 0x3ff;
  double v = 0;
  if (exp == 0) {
    v = std::ldexp(frac, -24);
  } else if (exp == 31) {
    v = frac ? std::nan("") : INFINITY;
  } else {
    v = std::ldexp(frac + 1024, exp - 25);
  }
  return sign ? -v : v;
}

double load(const char* p, ElemType t)
{
  switch (t) {
  case ElemType::f32: {
    float f = 0;
    std::memcpy(&f, p, 4);
    return f;
  }
  case ElemType::f16: {
    uint16_t h = 0;
    std::memcpy(&h, p, 2);
    return half_to_double(h);
  }
  case ElemType::i32: {
    int32_t i = 0;
    std::memcpy(&i, p, 4);
    return i;
  }
  case ElemType::i64: {
    int64_t i = 0;
    std::memcpy(&i, p, 8);
    return static_cast<double>(i);
  }
  case ElemType::u8:
    return static_cast<unsigned char>(*p);
  }
  return 0;
}

// Position of an fp16 value on the line of all fp16 values (0 at zero, one step per
// representable value, negatives mirrored), from its exact value as a double. Counting
// fp32 steps and scaling them instead is wrong below 2^-14, where fp16 is subnormal and
// fp32 is not, and across zero.
int64_t half_position(double v)
{
  double a = std::fabs(v);
  int64_t mag = 0;
  if (a >= 0x1p-14) {
    int e = 0;
    double m = std::frexp(a, &e); // a = m * 2^e, m in [0.5, 1)
    mag = static_cast<int64_t>(e + 14) << 10 | static_cast<int64_t>((m * 2 - 1) * 1024);
  } else {
    mag = static_cast<int64_t>(a * 0x1p24); // subnormals are multiples of 2^-24
  }
  return std::signbit(v) ? -mag : mag;
}

// Distance in representable values of type t (monotone integer mapping of the bits).
int64_t ulp_distance(ElemType t, double a, double b)
{
  auto ordered = [t](double v) -> int64_t {
    if (t == ElemType::f16) {
      return half_position(v);
    }
    float f = static_cast<float>(v);
    int32_t i = 0;
    std::memcpy(&i, &f, 4);
    return i < 0 ? INT32_MIN - static_cast<int64_t>(i) : i;
  };
  int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

int64_t load_int(const char* p, ElemType t)
{
  switch (t) {
  case ElemType::i32: {
    int32_t i = 0;
    std::memcpy(&i, p, 4);
    return i;
  }
  case ElemType::i64: {
    int64_t i = 0;
    std::memcpy(&i, p, 8);
    return i;
  }
  default:
    return static_cast<unsigned char>(*p);
  }
}

// |got - want| <= abs on the integers themselves (i64 beyond 2^53 would round as doubles).
bool int_within(const kernel::Tolerance& tol, int64_t want, int64_t got)
{
  uint64_t d =
      want > got ? static_cast<uint64_t>(want) - static_cast<uint64_t>(got) : static_cast<uint64_t>(got) - static_cast<uint64_t>(want);
  return d == 0 || static_cast<double>(d) <= tol.abs;
}

} // namespace

std::string format_value(double v)
{
  if (std::isnan(v)) {
    return "nan";
  }
  if (std::isinf(v)) {
    return v > 0 ? "inf" : "-inf";
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

bool within_tolerance(const kernel::Tolerance& tol, ElemType t, double want, double got)
{
  if (!kernel::is_float(t)) {
    return std::fabs(got - want) <= tol.abs;
  }
  if (std::isnan(want) || std::isnan(got)) {
    return (std::isnan(want) && std::isnan(got)) || (std::isnan(want) && tol.nan == "any");
  }
  if (std::isinf(want) || std::isinf(got)) {
    return want == got || (std::isinf(want) && tol.inf == "any");
  }
  if (std::fabs(got - want) <= tol.abs + tol.rel * std::fabs(want)) {
    return true;
  }
  return tol.ulp > 0 && ulp_distance(t, want, got) <= tol.ulp;
}

Comparison compare_outputs(const kernel::Spec& spec, const std::string& expected, const std::string& got, size_t keep)
{
  Comparison c;
  size_t total = 0;
  std::vector<OutputBlock> blocks = output_layout(spec, total);
  // A counted output is compared up to its count (the smaller of ker0's and the
  // candidate's; a different count is itself a mismatch of the count argument).
  auto count_in = [&](const std::string& file, const OutputBlock& of) -> int64_t {
    int ci = kernel::count_arg_index(spec, spec.args[of.arg]);
    for (const OutputBlock& b : blocks) {
      if (b.shape == of.shape && b.param_case == of.param_case && static_cast<int>(b.arg) == ci) {
        ElemType t = spec.args[b.arg].elem;
        if (b.offset + static_cast<size_t>(kernel::elem_bytes(t)) > file.size()) {
          return 0;
        }
        return std::clamp<int64_t>(load_int(file.data() + b.offset, t), 0, of.length);
      }
    }
    return of.length;
  };
  for (const OutputBlock& b : blocks) {
    const kernel::Arg& a = spec.args[b.arg];
    const kernel::Shape& shape = b.shape < spec.test_shapes.size() ? spec.test_shapes[b.shape] : spec.perf_shape;
    const kernel::Tolerance& tol = kernel::tolerance_at(spec, shape, b.param_case);
    size_t esize = static_cast<size_t>(kernel::elem_bytes(a.elem));
    int64_t length = a.count.empty() ? b.length : std::min(count_in(expected, b), count_in(got, b));
    for (int64_t i = 0; i < length; ++i) {
      size_t at = b.offset + static_cast<size_t>(i) * esize;
      if (at + esize > expected.size() || at + esize > got.size()) {
        return c;
      }
      std::string want_text;
      std::string have_text;
      if (kernel::is_float(a.elem)) {
        double want = load(expected.data() + at, a.elem);
        double have = load(got.data() + at, a.elem);
        if (within_tolerance(tol, a.elem, want, have)) {
          continue;
        }
        want_text = format_value(want);
        have_text = format_value(have);
      } else {
        int64_t want = load_int(expected.data() + at, a.elem);
        int64_t have = load_int(got.data() + at, a.elem);
        if (int_within(tol, want, have)) {
          continue;
        }
        want_text = std::to_string(want);
        have_text = std::to_string(have);
      }
      if (c.count == 0) {
        c.first_shape = describe_run(spec, b.shape, b.param_case);
      }
      ++c.count;
      if (c.first.size() < keep) {
        c.first.push_back(Mismatch{describe_run(spec, b.shape, b.param_case), a.name, i, want_text, have_text});
      }
    }
  }
  return c;
}

} // namespace eok::eval
