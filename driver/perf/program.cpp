#include "perf/program.hpp"

#include "util/fs.hpp"
#include "util/process.hpp"

namespace eok::perf {

Expected<std::string> build_program(const target::Target& target, const std::string& dir, const std::string& name,
                                    const std::string& source, const std::vector<std::string>& flags)
{
  util::fs::path src = util::fs::path(dir) / (name + ".c");
  util::fs::path bin = util::fs::path(dir) / name;
  util::write_file_atomic(src, source);
  util::ProcessSpec spec;
  spec.argv = target.cc;
  spec.argv.insert(spec.argv.end(), target.c_args.begin(), target.c_args.end());
  spec.argv.emplace_back("-O2");
  spec.argv.insert(spec.argv.end(), flags.begin(), flags.end());
  spec.argv.insert(spec.argv.end(), {src.string(), "-o", bin.string()});
  spec.argv.insert(spec.argv.end(), target.link_args.begin(), target.link_args.end());
  spec.timeout = std::chrono::minutes(2);
  util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    return Expected<std::string>::fail(src.string() + ": compiler " + r.describe() + ": " + r.err.substr(0, 4000));
  }
  return bin.string();
}

} // namespace eok::perf
