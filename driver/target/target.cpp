#include "target/target.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace eok::target {

namespace {

void require_program(const std::string& program, const MachineValue& where, const std::string& what)
{
  if (util::find_program(program).empty()) {
    throw Fatal(located(where.file, where.line, what + ": '" + program + "' is not installed (not found on PATH)"));
  }
}

// Kernels and candidates are written with clang's RVV 1.0 intrinsics and built
// with clang's flags (-mtune=spacemit-x60, the flag search's -mllvm options), so
// another compiler would fail on every kernel with errors that seem to blame
// kernel.toml or the source. A wrapper in front of clang (ccache, a logging
// script) is fine: the command names clang, or `--version` says so.
void require_clang(const std::vector<std::string>& cc, const MachineValue& where)
{
  for (const auto& word : cc) {
    if (util::fs::path(word).filename().string().find("clang") != std::string::npos) {
      return;
    }
  }
  util::ProcessSpec spec;
  spec.argv = cc;
  spec.argv.emplace_back("--version");
  spec.timeout = std::chrono::seconds(60);
  const util::ProcessResult r = util::run_process(spec);
  if (r.succeeded() && r.out.find("clang") != std::string::npos) {
    return;
  }
  const std::string said = util::trim(r.out.substr(0, r.out.find('\n')));
  throw Fatal(located(where.file, where.line,
                      "c: '" + util::join(cc, " ") + "' is not clang" + (said.empty() ? "" : " (--version: " + said + ")") +
                          "; eok needs clang as the cross compiler: kernels use RVV 1.0 intrinsics and clang's target flags"));
}

} // namespace

Target target_from(const MachineFile& mf)
{
  Target t;
  t.files = mf.files();
  std::string first = t.files.empty() ? std::string("cross file") : t.files.front();

  const MachineValue* cc = mf.get("binaries", "c");
  if (!cc) {
    throw Fatal(first + ": [binaries] has no 'c' compiler");
  }
  t.cc = cc->list("c");
  if (t.cc.empty()) {
    throw Fatal(located(cc->file, cc->line, "c: empty compiler command"));
  }
  require_program(t.cc.front(), *cc, "c");
  require_clang(t.cc, *cc);

  if (const MachineValue* w = mf.get("binaries", "exe_wrapper")) {
    t.exe_wrapper = w->list("exe_wrapper");
    if (!t.exe_wrapper.empty()) {
      require_program(t.exe_wrapper.front(), *w, "exe_wrapper");
    }
  }
  for (auto [key, field] : {std::pair{"objcopy", &t.objcopy}, {"nm", &t.nm}, {"objdump", &t.objdump}}) {
    if (const MachineValue* v = mf.get("binaries", key)) {
      *field = v->list(key).front();
    }
  }
  // Built-in options (Meson ≥ 0.56) and legacy [properties] both carry flags.
  for (const char* sec : {"built-in options", "properties"}) {
    if (const MachineValue* v = mf.get(sec, "c_args")) {
      t.c_args = v->list("c_args");
    }
    if (const MachineValue* v = mf.get(sec, "c_link_args")) {
      t.link_args = v->list("c_link_args");
    }
  }
  for (const auto& a : t.c_args) {
    if (util::starts_with(a, "-march=")) {
      t.march = a.substr(7);
    }
  }
  const MachineValue* vlen = mf.get("properties", "eok_vlen");
  if (!vlen) {
    throw Fatal(first + ": [properties] needs eok_vlen = <vector length in bits> (an integer)");
  }
  if (!std::holds_alternative<int64_t>(vlen->value)) {
    throw Fatal(located(vlen->file, vlen->line, "eok_vlen: the vector length in bits, an integer such as 256; got " + vlen->text()));
  }
  t.vlen = static_cast<int>(std::get<int64_t>(vlen->value));
  if (t.vlen < 64 || (t.vlen & (t.vlen - 1)) != 0) {
    throw Fatal(located(vlen->file, vlen->line, "eok_vlen: must be a power of two ≥ 64, got " + std::to_string(t.vlen)));
  }
  if (const MachineValue* v = mf.get("properties", "eok_core")) {
    t.core = v->text();
  }
  if (const MachineValue* v = mf.get("properties", "eok_model")) {
    t.model = v->text();
    if (t.model != "table" && t.model != "sched") {
      throw Fatal(located(v->file, v->line, "eok_model: expected 'table' or 'sched', got '" + t.model + "'"));
    }
  }
  if (const MachineValue* v = mf.get("properties", "eok_board")) {
    t.board = v->text();
  }
  if (const MachineValue* v = mf.get("properties", "eok_stack")) {
    if (!std::holds_alternative<int64_t>(v->value) || std::get<int64_t>(v->value) < (int64_t{64} << 10)) {
      throw Fatal(located(v->file, v->line, "eok_stack: the stack size in bytes, an integer of at least 65536"));
    }
    t.stack_bytes = static_cast<uint64_t>(std::get<int64_t>(v->value));
  }
  return t;
}

Target load_target(const std::vector<std::string>& cross_files)
{
  if (cross_files.empty()) {
    throw Fatal("no cross file given (set target.cross_file or pass --cross-file)");
  }
  return target_from(MachineFile::load(cross_files));
}

std::string Target::identity_text() const
{
  // Tagged fields, so "a b" + "c" never equals "a" + "b c".
  std::string s;
  auto field = [&](const char* tag, const std::string& v) { s += std::string(tag) + "=" + std::to_string(v.size()) + ":" + v + "\n"; };
  auto list = [&](const char* tag, const std::vector<std::string>& v) {
    s += std::string(tag) + "#" + std::to_string(v.size()) + "\n";
    for (const auto& e : v) {
      field(tag, e);
    }
  };
  list("cc", cc);
  list("c_args", c_args);
  list("link_args", link_args);
  list("exe_wrapper", exe_wrapper);
  field("march", march);
  field("core", core);
  field("board", board);
  field("vlen", std::to_string(vlen));
  return s;
}

} // namespace eok::target
