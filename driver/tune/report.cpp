#include "tune/tune_run.hpp"

#include "util/json_write.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace eok::tune {

const char* kernel_status_name(KernelStatus s)
{
  switch (s) {
  case KernelStatus::cached:
    return "cached";
  case KernelStatus::tuned:
    return "tuned";
  case KernelStatus::ker0_stays:
    return "ker0 stays";
  case KernelStatus::miss:
    return "miss";
  case KernelStatus::failed:
    return "failed";
  }
  return "unknown";
}

std::optional<KernelStatus> kernel_status(const std::string& name)
{
  return util::enum_from_name(kernel_status_name, name);
}

std::string format_table(const std::vector<KernelReport>& reports)
{
  std::vector<std::vector<std::string>> rows = {{"kernel", "ker0 cycles", "best cycles", "speedup", "SOL", "status", "what won"}};
  for (const auto& r : reports) {
    bool figures = r.ker0_cycles > 0;
    rows.push_back({r.kernel, figures ? util::fixed(r.ker0_cycles, 0) : "-", figures ? util::fixed(r.best_cycles, 0) : "-",
                    figures ? util::fixed(r.speedup(), 3) + "x" : "-", figures ? util::fixed(r.sol_fraction, 3) : "-",
                    kernel_status_name(r.status), r.status == KernelStatus::failed ? r.detail : r.what});
  }
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      bool numeric = c >= 1 && c <= 4;
      std::string pad(width[c] - row[c].size(), ' ');
      line += (c ? "  " : "") + (numeric ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : ""));
    }
    out += line + "\n";
  }
  return out;
}

std::string reports_json(const std::vector<KernelReport>& reports)
{
  std::string out = "{\"schema_version\": 1, \"kernels\": [";
  for (size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    out += std::string(i ? "," : "") + "\n  {\"kernel\": " + util::json_quote(r.kernel) +
           ", \"status\": " + util::json_quote(kernel_status_name(r.status)) + ", \"mode\": " + util::json_quote(r.mode) +
           ", \"what\": " + util::json_quote(r.what) + ", \"ker0_cycles\": " + util::json_number(r.ker0_cycles) +
           ", \"best_cycles\": " + util::json_number(r.best_cycles) + ", \"speedup\": " + util::json_number(r.speedup()) +
           ", \"sol_fraction\": " + util::json_number(r.sol_fraction) + ", \"llm_cycles\": " + util::json_number(r.llm_cycles) +
           ", \"evaluations\": " + std::to_string(r.evaluations) + ", \"reused\": " + std::to_string(r.reused) +
           ", \"strategy\": " + util::json_quote(r.strategy) + ", \"detail\": " + util::json_quote(r.detail) +
           ", \"seconds\": " + util::json_number(r.seconds) + ", \"trials\": [";
    for (size_t t = 0; t < r.trials.size(); ++t) {
      const auto& tr = r.trials[t];
      std::string defines;
      for (const auto& [name, value] : tr.setting.defines) {
        defines += std::string(defines.empty() ? "" : ", ") + util::json_quote(name) + ": " + std::to_string(value);
      }
      std::string flags;
      for (const auto& f : tr.setting.flags) {
        flags += std::string(flags.empty() ? "" : ", ") + util::json_quote(f);
      }
      out += std::string(t ? "," : "") + "\n    {\"source\": " + util::json_quote(tr.source) + ", \"defines\": {" + defines +
             "}, \"flags\": [" + flags + "], \"verdict\": " + util::json_quote(tr.verdict) +
             ", \"cycles\": " + util::json_number(tr.cycles) + "}";
    }
    out += "]}";
  }
  return out + "\n]}\n";
}

} // namespace eok::tune
