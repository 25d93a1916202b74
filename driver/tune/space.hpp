// The knob/flag search space of one kernel (issue 7): each dimension is either a
// kernel knob (kernel.toml [[knobs]]: integer values passed as -DNAME=VALUE) or a
// code-generation flag option (a set of alternatives, the first being "none").
// A point picks one value per dimension; the kernel's knob constraints decide
// which points are valid. Point 0 of every dimension is ker0 as shipped: the
// knob's default and no extra flags.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace eok::tune {

struct KnobDim
{
  std::string name;
  std::vector<int64_t> values;
  int64_t default_value = 0;
};

struct FlagDim
{
  std::string name;                              // "unroll", "vector-bits", …
  std::vector<std::vector<std::string>> choices; // choices[0] is {} (none)
};

// One value per dimension: knob dimensions first, then flag dimensions.
using Point = std::vector<uint32_t>;

// What a point means for the evaluator: defines prepended to the source, extra flags.
struct Setting
{
  std::map<std::string, int64_t> defines;
  std::vector<std::string> flags;
};

using KnobPredicate = std::function<bool(const std::map<std::string, int64_t>&)>;

class Space
{
public:
  // `valid_knobs` may be empty (every knob combination is allowed).
  Space(std::vector<KnobDim> knobs, std::vector<FlagDim> flags, KnobPredicate valid_knobs);

  [[nodiscard]] size_t dims() const { return m_radix.size(); }
  [[nodiscard]] uint32_t radix(size_t dim) const { return m_radix[dim]; }
  [[nodiscard]] const std::vector<KnobDim>& knobs() const { return m_knobs; }
  [[nodiscard]] const std::vector<FlagDim>& flags() const { return m_flags; }
  // Product of the dimension sizes (valid or not); saturates at UINT64_MAX.
  [[nodiscard]] uint64_t cardinality() const;
  // ker0: every knob at its default, no extra flags.
  [[nodiscard]] Point default_point() const;
  [[nodiscard]] bool valid(const Point& p) const;
  [[nodiscard]] Setting setting(const Point& p) const;
  // Mixed-radix index <-> point (index < cardinality()).
  [[nodiscard]] Point point_at(uint64_t index) const;
  // Every valid point in index order; only call when cardinality() is small.
  [[nodiscard]] std::vector<Point> valid_points() const;
  // "EOK_LMUL=4 -funroll-loops" ("defaults" for ker0's point).
  [[nodiscard]] std::string describe(const Point& p) const;

private:
  std::vector<KnobDim> m_knobs;
  std::vector<FlagDim> m_flags;
  KnobPredicate m_valid;
  std::vector<uint32_t> m_radix;
};

// "EOK_LMUL=4 -funroll-loops" for a setting; "defaults" when it has no defines and flags.
std::string describe_setting(const Setting& s);

} // namespace eok::tune
