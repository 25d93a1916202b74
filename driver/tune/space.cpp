#include "tune/space.hpp"

#include "util/error.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <limits>

namespace eok::tune {

Space::Space(std::vector<KnobDim> knobs, std::vector<FlagDim> flags, KnobPredicate valid_knobs)
  : m_knobs(std::move(knobs))
  , m_flags(std::move(flags))
  , m_valid(std::move(valid_knobs))
{
  for (const auto& k : m_knobs) {
    if (k.values.empty() || std::find(k.values.begin(), k.values.end(), k.default_value) == k.values.end()) {
      throw Fatal("knob " + k.name + ": values must be non-empty and contain the default");
    }
    m_radix.push_back(static_cast<uint32_t>(k.values.size()));
  }
  for (const auto& f : m_flags) {
    if (f.choices.empty() || !f.choices[0].empty()) {
      throw Fatal("flag option " + f.name + ": the first choice must be none");
    }
    m_radix.push_back(static_cast<uint32_t>(f.choices.size()));
  }
}

uint64_t Space::cardinality() const
{
  uint64_t n = 1;
  for (uint32_t r : m_radix) {
    if (n > std::numeric_limits<uint64_t>::max() / r) {
      return std::numeric_limits<uint64_t>::max();
    }
    n *= r;
  }
  return n;
}

Point Space::default_point() const
{
  Point p(dims(), 0);
  for (size_t i = 0; i < m_knobs.size(); ++i) {
    const auto& v = m_knobs[i].values;
    p[i] = static_cast<uint32_t>(std::find(v.begin(), v.end(), m_knobs[i].default_value) - v.begin());
  }
  return p;
}

bool Space::valid(const Point& p) const
{
  if (p.size() != dims()) {
    return false;
  }
  for (size_t i = 0; i < dims(); ++i) {
    if (p[i] >= m_radix[i]) {
      return false;
    }
  }
  if (!m_valid) {
    return true;
  }
  std::map<std::string, int64_t> defines; // the constraint reads only the knobs
  for (size_t i = 0; i < m_knobs.size(); ++i) {
    defines[m_knobs[i].name] = m_knobs[i].values[p[i]];
  }
  return m_valid(defines);
}

Setting Space::setting(const Point& p) const
{
  Setting s;
  for (size_t i = 0; i < m_knobs.size(); ++i) {
    s.defines[m_knobs[i].name] = m_knobs[i].values[p[i]];
  }
  for (size_t j = 0; j < m_flags.size(); ++j) {
    const auto& choice = m_flags[j].choices[p[m_knobs.size() + j]];
    s.flags.insert(s.flags.end(), choice.begin(), choice.end());
  }
  return s;
}

Point Space::point_at(uint64_t index) const
{
  Point p(dims(), 0);
  for (size_t i = dims(); i-- > 0;) {
    p[i] = static_cast<uint32_t>(index % m_radix[i]);
    index /= m_radix[i];
  }
  return p;
}

std::vector<Point> Space::valid_points() const
{
  // Flags are the last (fastest-varying) dimensions and the constraint reads only the
  // knobs: decide it once per knob combination and take all its flag combinations,
  // in the same order as point_at.
  uint64_t flag_combos = 1;
  for (size_t j = m_knobs.size(); j < dims(); ++j) {
    flag_combos *= m_radix[j];
  }
  std::vector<Point> out;
  const uint64_t n = cardinality();
  for (uint64_t first = 0; first < n; first += flag_combos) {
    if (!valid(point_at(first))) {
      continue;
    }
    for (uint64_t i = first; i < first + flag_combos; ++i) {
      out.push_back(point_at(i));
    }
  }
  return out;
}

std::string Space::describe(const Point& p) const
{
  // Only what differs from ker0, so a report says what the tuning changed.
  Setting s = setting(p);
  Setting shown;
  for (size_t i = 0; i < m_knobs.size(); ++i) {
    if (m_knobs[i].values[p[i]] != m_knobs[i].default_value) {
      shown.defines[m_knobs[i].name] = m_knobs[i].values[p[i]];
    }
  }
  shown.flags = s.flags;
  return describe_setting(shown);
}

std::string describe_setting(const Setting& s)
{
  std::vector<std::string> parts;
  for (const auto& [name, value] : s.defines) {
    parts.push_back(name + "=" + std::to_string(value));
  }
  parts.insert(parts.end(), s.flags.begin(), s.flags.end());
  return parts.empty() ? "defaults" : util::join(parts, " ");
}

} // namespace eok::tune
