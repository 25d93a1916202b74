#include "cache/key.hpp"

#include "kernel/layout.hpp"
#include "perf/runner.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <map>
#include <mutex>

namespace eok::cache {

namespace {

void add(std::vector<KeyField>& fields, std::string tag, std::string value)
{
  fields.push_back({std::move(tag), std::move(value)});
}

} // namespace

Key make_key(const KeyInputs& in)
{
  Key k;
  add(k.fields, "key.format", k_key_format);
  add(k.fields, "kernel.source", in.source_text);
  add(k.fields, "kernel.toml", in.toml_text);
  add(k.fields, "compiler.command", util::join(in.target.cc, "\n"));
  add(k.fields, "compiler.version", in.compiler_version);
  add(k.fields, "target.identity", in.target.identity_text());
  add(k.fields, "runner.kind", in.runner_kind);
  add(k.fields, "runner.version", in.runner_version);
  return key_of(std::move(k.fields));
}

Key key_of(std::vector<KeyField> fields)
{
  Key k;
  k.fields = std::move(fields);
  // tag, NUL, byte count, NUL, bytes: "-I -O2" can never collide with "-I-O2".
  util::Sha256 h;
  for (const auto& f : k.fields) {
    h.update(f.tag).update(std::string_view("\0", 1));
    h.update(std::to_string(f.value.size())).update(std::string_view("\0", 1));
    h.update(f.value);
  }
  k.hex = h.hex_digest();
  return k;
}

std::string Key::explain() const
{
  std::string s = "key = " + hex + "\n";
  for (const auto& f : fields) {
    const bool short_line = f.value.size() <= 72 && f.value.find('\n') == std::string::npos;
    s += "  " + f.tag + " = ";
    if (short_line) {
      s += f.value;
    } else {
      s += "sha256:" + util::sha256_hex(f.value) + " (" + std::to_string(f.value.size()) + " bytes";
      const std::string first = f.value.substr(0, f.value.find('\n'));
      s += f.tag.rfind("kernel.", 0) == 0 || first.empty() ? ")" : ", first line: " + first.substr(0, 60) + ")";
    }
    s += "\n";
  }
  return s;
}

std::string compiler_version(const std::vector<std::string>& cc)
{
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::string> memo;
  std::lock_guard lock(mutex);
  auto it = memo.find(cc);
  if (it != memo.end()) {
    return it->second;
  }
  if (cc.empty()) {
    throw Fatal("no target C compiler to identify");
  }
  util::ProcessSpec spec;
  spec.argv = cc;
  spec.argv.emplace_back("--version");
  spec.timeout = std::chrono::seconds(60);
  const util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    throw Fatal("`" + util::join(spec.argv, " ") + "` failed (" + (r.error.empty() ? r.describe() : r.error) +
                "): the compiler identity is part of every cache key");
  }
  return memo[cc] = r.out;
}

std::string runner_version(const std::string& kind, const target::Target& target)
{
  return perf::runner_version(kind, target);
}

KeyInputs inputs_for_source(const std::string& source_path, const target::Target& target, const std::string& runner_kind)
{
  KeyInputs in;
  in.source_text = util::read_file(source_path);
  in.toml_text = util::read_file(kernel::spec_path_beside(source_path));
  in.compiler_version = compiler_version(target.cc);
  in.target = target;
  in.runner_kind = runner_kind;
  in.runner_version = runner_version(runner_kind, target);
  return in;
}

KeyInputs inputs_for_kernel_dir(const std::string& kernel_dir, const target::Target& target, const std::string& runner_kind)
{
  return inputs_for_source(kernel::source_path_of(kernel_dir), target, runner_kind);
}

} // namespace eok::cache
