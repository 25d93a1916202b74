#include "launch/launch_key.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

namespace eok::launch {

namespace {

std::string target_text(const std::vector<std::string>& flags)
{
  std::vector<std::string> parts;
  for (size_t k = 0; k < flags.size(); ++k) {
    const std::string& f = flags[k];
    for (const char* p : {"--target=", "-march=", "-mabi=", "-mcpu=", "-mtune=", "-mrvv-vector-bits="}) {
      if (util::starts_with(f, p)) {
        parts.push_back(f);
      }
    }
    if (f == "-target" && k + 1 < flags.size()) {
      parts.push_back("--target=" + flags[k + 1]);
    }
  }
  return parts.empty() ? "(compiler default)" : util::join(parts, " ");
}

} // namespace

std::string source_digest(const std::string& source_bytes)
{
  return util::sha256_hex(source_bytes);
}

cache::Key launch_key(const CompileLine& line, const std::string& cwd)
{
  if (!line.is_single_compile()) {
    throw Fatal("not a compile of one source file: no launcher key");
  }
  util::ProcessSpec spec;
  spec.argv = line.dependency_query();
  spec.cwd = cwd;
  spec.timeout = std::chrono::minutes(10);
  spec.output_cap = size_t{64} << 20;
  const util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    throw Fatal("the dependency query `" + util::join(spec.argv, " ") + "` failed (" + (r.error.empty() ? r.describe() : r.error) +
                "): " + util::trim(r.err.substr(0, 400)));
  }
  const util::fs::path base = cwd.empty() ? util::fs::current_path() : util::fs::path(cwd);
  auto resolve = [&](const std::string& p) {
    const util::fs::path path(p);
    return path.is_absolute() ? path : base / path;
  };
  const std::vector<std::string> flags = line.code_flags();
  std::vector<cache::KeyField> fields;
  fields.push_back({"key.format", k_launch_key_format});
  fields.push_back({"launch.source", util::read_file(resolve(line.source()))});
  for (const auto& dep : parse_dependency_list(r.out)) {
    if (dep == line.source()) {
      continue;
    }
    // The path as the compiler resolved it: the same bytes under another path
    // could be a different header search, so the path is hashed too.
    fields.push_back({"launch.include:" + dep, util::read_file(resolve(dep))});
  }
  fields.push_back({"launch.flags", util::join(flags, "\n")});
  fields.push_back({"compiler.path", line.compiler()});
  fields.push_back({"compiler.version", cache::compiler_version({line.compiler()})});
  fields.push_back({"target", target_text(flags)});
  return cache::key_of(std::move(fields));
}

} // namespace eok::launch
