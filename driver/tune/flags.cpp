#include "tune/flags.hpp"

#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace eok::tune {

std::vector<FlagDim> builtin_flag_dims(const target::Target& target)
{
  std::vector<FlagDim> dims;
  dims.push_back({"opt", {{}, {"-O3"}}});
  if (target.vlen > 0 && !target.march.empty()) {
    // The compiler then knows VLMAX exactly (the cache key includes the VLEN, so a
    // winner built this way is never used on a target with another VLEN).
    std::string zvl = "_zvl" + std::to_string(target.vlen) + "b";
    dims.push_back({"vector-bits", {{}, {"-march=" + target.march + zvl, "-mrvv-vector-bits=zvl"}}});
  }
  dims.push_back({"unroll", {{}, {"-funroll-loops"}}});
  if (!target.core.empty()) {
    // With -march given, -mcpu only selects the scheduling model: redundant when the
    // cross file already tunes for this core.
    std::string mtune = "-mtune=" + target.core;
    if (std::find(target.c_args.begin(), target.c_args.end(), mtune) == target.c_args.end()) {
      dims.push_back({"cpu", {{}, {"-mcpu=" + target.core}}});
    }
  }
  return dims;
}

std::vector<FlagDim> parse_flag_dims(const std::string& text)
{
  std::vector<FlagDim> dims;
  for (const auto& alt : util::split(text, ';')) {
    std::vector<std::string> flags;
    for (const auto& f : util::split(util::trim(alt), ' ')) {
      if (!util::trim(f).empty()) {
        flags.push_back(util::trim(f));
      }
    }
    if (!flags.empty()) {
      dims.push_back({"extra" + std::to_string(dims.size() + 1), {{}, flags}});
    }
  }
  return dims;
}

ProbeReport probe_flag_dims(const target::Target& target, const std::vector<FlagDim>& dims, const std::string& scratch_dir)
{
  ProbeReport report;
  util::fs::create_directories(scratch_dir);
  const std::string src = (util::fs::path(scratch_dir) / "probe.c").string();
  const std::string obj = (util::fs::path(scratch_dir) / "probe.o").string();
  util::write_file_atomic(src, "int eok_probe;\n");
  for (const auto& dim : dims) {
    FlagDim kept{dim.name, {{}}};
    for (size_t i = 1; i < dim.choices.size(); ++i) {
      util::ProcessSpec spec;
      spec.argv = target.cc;
      spec.argv.insert(spec.argv.end(), target.c_args.begin(), target.c_args.end());
      spec.argv.insert(spec.argv.end(), dim.choices[i].begin(), dim.choices[i].end());
      // A flag the compiler accepts but ignores is as useless as one it rejects.
      for (const std::string& a : {std::string("-Werror=unused-command-line-argument"), std::string("-c"), src, std::string("-o"), obj}) {
        spec.argv.push_back(a);
      }
      spec.timeout = std::chrono::seconds(60);
      util::ProcessResult r = run_process(spec);
      if (r.succeeded()) {
        kept.choices.push_back(dim.choices[i]);
      } else {
        std::string why = util::trim(r.err.empty() ? r.describe() : util::split(util::trim(r.err), '\n').front());
        report.dropped.push_back(util::join(dim.choices[i], " ") + ": " + why);
      }
    }
    if (kept.choices.size() > 1) {
      report.kept.push_back(std::move(kept));
    }
  }
  return report;
}

} // namespace eok::tune
