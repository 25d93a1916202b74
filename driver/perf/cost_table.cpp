#include "perf/cost_table.hpp"

#include "util/error.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace eok::perf {

extern const char* const k_x60_costs_csv; // generated from x60_costs.csv (embed_text.py)

namespace {

double number(const std::string& s, const std::string& origin, size_t line)
{
  try {
    size_t used = 0;
    double v = std::stod(s, &used);
    if (used == s.size()) {
      return v;
    }
  } catch (const std::exception&) {
  }
  throw Fatal(located(origin, static_cast<int>(line), "not a number: '" + s + "'"));
}

double lmul_factor(const std::string& lmul)
{
  if (lmul.size() == 3 && lmul[0] == 'm' && lmul[1] == 'f') {
    return 1.0 / (lmul[2] - '0');
  }
  return lmul.size() == 2 ? lmul[1] - '0' : 1.0;
}

} // namespace

CostTable CostTable::parse(const std::string& text, const std::string& origin)
{
  CostTable t;
  auto lines = util::split(text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    size_t n = i + 1;
    if (line.empty() || line[0] == '#') {
      continue;
    }
    auto f = util::split(line, ',');
    auto need = [&](size_t k) {
      if (f.size() != k) {
        throw Fatal(located(origin, static_cast<int>(n), "'" + f[0] + "' needs " + std::to_string(k) + " fields"));
      }
    };
    if (f[0] == "param") {
      need(3);
      t.m_params[f[1]] = number(f[2], origin, n);
    } else if (f[0] == "scalar") {
      need(3);
      t.m_scalar[f[1]] = number(f[2], origin, n);
    } else if (f[0] == "mem") {
      need(5);
      double read = number(f[3], origin, n), write = number(f[4], origin, n);
      if (read <= 0 || write <= 0) {
        throw Fatal(located(origin, static_cast<int>(n), "mem " + f[1] + ": bandwidths must be positive"));
      }
      t.m_levels.push_back({f[1], static_cast<uint64_t>(number(f[2], origin, n)), read, write});
    } else if (f[0] == "vcols") {
      t.m_columns.assign(f.begin() + 1, f.end());
    } else if (f[0] == "vec") {
      need(3 + t.m_columns.size());
      std::vector<double> cells;
      for (size_t k = 3; k < f.size(); ++k) {
        cells.push_back(f[k].empty() ? std::numeric_limits<double>::quiet_NaN() : number(f[k], origin, n));
      }
      t.m_vector[{f[1], f[2] == "1"}] = std::move(cells);
    } else if (f[0] == "curve") {
      need(4);
      t.m_curve.emplace_back(number(f[2], origin, n), number(f[3], origin, n));
    } else {
      throw Fatal(located(origin, static_cast<int>(n), "unknown record kind '" + f[0] + "'"));
    }
  }
  if (t.m_levels.empty() || t.m_scalar.empty() || t.m_vector.empty()) {
    throw Fatal(located(origin, 0, "cost table needs mem, scalar and vec records"));
  }
  return t;
}

const CostTable* CostTable::builtin(const std::string& core)
{
  if (core != "spacemit-x60") {
    return nullptr;
  }
  static const CostTable x60 = parse(k_x60_costs_csv, "driver/perf/x60_costs.csv");
  return &x60;
}

std::string CostTable::builtin_hash(const std::string& core)
{
  return core == "spacemit-x60" ? util::sha256_hex(k_x60_costs_csv).substr(0, 16) : "";
}

const double* CostTable::cell(const std::string& mnemonic, bool masked, const std::string& column) const
{
  auto row = m_vector.find({mnemonic, masked});
  auto col = std::find(m_columns.begin(), m_columns.end(), column);
  if (row == m_vector.end() || col == m_columns.end()) {
    return nullptr;
  }
  const double& v = row->second[static_cast<size_t>(col - m_columns.begin())];
  return std::isnan(v) ? nullptr : &v;
}

VectorCost CostTable::vector_cost(const std::string& mnemonic, int sew, const std::string& lmul, bool masked) const
{
  bool known = sew > 0 && lmul != "?";
  std::string vsew = known ? std::to_string(sew) : "32";
  std::string vlmul = known ? lmul : "m1";
  std::string column = "e" + vsew + vlmul;
  std::string note = known ? "" : " (vtype unknown: e32 m1)";
  if (const double* c = cell(mnemonic, masked, column)) {
    return {*c, "measured" + note};
  }
  if (const double* c = masked ? cell(mnemonic, false, column) : nullptr) {
    return {*c, "unmasked form" + note};
  }
  auto proxy = [&](const std::string& other, const std::string& col) -> const double* { return cell(other, false, col); };
  // vl<n>re<eew>.v / vs<n>r.v: unit-stride of the same EEW at EMUL n.
  if (mnemonic.size() > 4 && (mnemonic[1] == 'l' || mnemonic[1] == 's') && std::isdigit(mnemonic[2]) != 0 && mnemonic[3] == 'r') {
    bool load = mnemonic[1] == 'l';
    std::string eew = load && mnemonic.size() > 5 ? mnemonic.substr(5, mnemonic.find('.') - 5) : "8";
    std::string other = std::string(load ? "vle" : "vse") + eew + ".v";
    if (const double* c = proxy(other, "e" + eew + "m" + mnemonic[2])) {
      return {*c, "proxy " + other};
    }
  }
  // Indexed: strided of the data width (SEW).
  if (mnemonic.find("xei") != std::string::npos) {
    std::string other = std::string(mnemonic[1] == 'l' ? "vlse" : "vsse") + vsew + ".v";
    if (const double* c = proxy(other, column)) {
      return {*c, "proxy " + other};
    }
  }
  return {std::max(1.0, lmul_factor(vlmul)), "unmeasured" + note};
}

CostTable::InsnCost CostTable::insn_cost(const std::string& mnemonic, int sew, const std::string& lmul, bool masked) const
{
  InsnInfo info = describe_insn(mnemonic, sew);
  switch (info.unit) {
  case Unit::marker:
    return {Unit::marker, 0, "measured"};
  case Unit::scalar:
    return {Unit::scalar, scalar_cost(info.scalar_class), "measured"};
  case Unit::vector_alu:
  case Unit::vector_mem:
    break;
  }
  VectorCost vc = vector_cost(mnemonic, sew, lmul, masked);
  return {info.unit, vc.cycles, vc.origin};
}

double CostTable::scalar_cost(const std::string& cls) const
{
  auto it = m_scalar.find(cls);
  if (it != m_scalar.end()) {
    return it->second;
  }
  auto other = m_scalar.find("other");
  return other == m_scalar.end() ? 1.0 : other->second;
}

const MemLevel& CostTable::level_for(double bytes) const
{
  for (const auto& level : m_levels) {
    if (level.max_bytes == 0 || bytes <= static_cast<double>(level.max_bytes)) {
      return level;
    }
  }
  return m_levels.back();
}

double CostTable::param(const std::string& name) const
{
  auto it = m_params.find(name);
  if (it == m_params.end()) {
    throw Fatal("cost table: missing param '" + name + "'");
  }
  return it->second;
}

double CostTable::peak_flops(int element_bits) const
{
  int bits = element_bits <= 16 ? 16 : element_bits <= 32 ? 32 : 64;
  return param("peak_flops_e" + std::to_string(bits));
}

} // namespace eok::perf
