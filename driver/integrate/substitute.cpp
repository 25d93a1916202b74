#include "integrate/substitute.hpp"

#include "cache/key.hpp"
#include "kernel/layout.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace eok::integrate {

namespace {

std::string with_defines(const cache::Winner& w)
{
  std::string s;
  for (const auto& kv : w.defines) {
    s += "#define " + kv.first + " " + std::to_string(kv.second) + "\n";
  }
  return s + w.source;
}

// Lines of compiler assembly that describe the translation unit rather than the
// code; the enclosing .c file's own compilation emits its own.
bool unit_directive(const std::string& line)
{
  const std::string t = util::trim(line);
  for (const char* d : {".file", ".ident", ".addrsig", ".attribute"}) {
    if (util::starts_with(t, d)) {
      return true;
    }
  }
  return false;
}

std::string c_string_line(const std::string& line)
{
  std::string s = "  \"";
  for (char c : line) {
    if (c == '\\' || c == '"') {
      s += '\\';
    }
    s += c == '\t' ? ' ' : c;
  }
  return s + "\\n\"\n";
}

std::string short_key(const std::string& key)
{
  return key.substr(0, 12);
}

} // namespace

std::string depfile_escape(const std::string& path)
{
  std::string s;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') {
      s += '\\';
    } else if (c == '$') {
      s += '$';
    }
    s += c;
  }
  return s;
}

std::string render_winner(const cache::Winner& w, const target::Target& t)
{
  const std::string header = "/* eok: cached winner " + short_key(w.key) + " for " + w.kernel + ", " + util::fixed(w.speedup, 2) +
                             "x over ker0 (" + w.runner + ") */\n";
  if (w.flags.empty()) {
    return header + with_defines(w);
  }
  util::ProcessSpec spec;
  spec.argv = t.cc;
  spec.argv.insert(spec.argv.end(), t.c_args.begin(), t.c_args.end());
  spec.argv.insert(spec.argv.end(), w.flags.begin(), w.flags.end());
  for (const char* a : {"-g0", "-S", "-o", "-", "-x", "c", "-"}) {
    spec.argv.emplace_back(a);
  }
  spec.stdin_data = with_defines(w);
  spec.timeout = std::chrono::seconds(120);
  const util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    throw Fatal("cached winner " + short_key(w.key) + " for " + w.kernel + " does not compile with its flags (" + r.describe() +
                "): " + util::trim(r.err) + "; remove it with `eok cache gc` or re-tune");
  }
  std::string out = header + "/* compiled by: " + util::join(spec.argv, " ") + " */\n__asm__(\n";
  for (const auto& line : util::split(r.out, '\n')) {
    if (!line.empty() && !unit_directive(line)) {
      out += c_string_line(line);
    }
  }
  return out + ");\n";
}

std::string copy_original(const std::string& input, const std::string& output, const std::string& depfile)
{
  util::write_file_if_changed(output, util::read_file(input));
  const std::string toml = kernel::spec_path_beside(input);
  util::write_file_atomic(depfile,
                          depfile_escape(output) + ": \\\n " + depfile_escape(util::fs::absolute(toml).lexically_normal().string()) + "\n");
  return util::fs::path(input).filename().string() + ": original (native build: eok tunes for a cross target)";
}

SubstituteResult substitute(const SubstituteRequest& req)
{
  SubstituteResult res;
  const std::string name = util::fs::path(req.input).filename().string();
  const cache::Key key = cache::make_key(cache::inputs_for_source(req.input, req.target, req.runner_kind));
  res.key = key.hex;
  std::optional<cache::Winner> winner;
  const bool have_cache = util::fs::exists(req.cache_path);
  auto stamp_none = [&] {
    try {
      cache::write_stamp_file(req.cache_path, key.hex, std::nullopt);
    } catch (const std::exception& e) {
      // A read-only tree still builds; Ninja then re-runs this step every time.
      res.note += "; cannot write its stamp (" + std::string(e.what()) + ")";
    }
  };
  if (!have_cache) {
    res.note = name + ": original (no cache at " + req.cache_path + ")";
    stamp_none();
  } else {
    // DESIGN.md invariant 5: a damaged or unreadable cache never fails the build.
    try {
      cache::OpenMode mode;
      mode.create = false;
      mode.read_only = true;
      cache::Cache c = cache::Cache::open(req.cache_path, mode);
      const cache::Lookup found = c.lookup_winner(key.hex);
      winner = found.winner;
      if (!winner) {
        res.note = name + ": original (" + found.why + " for key " + short_key(key.hex) + "; `eok cache explain " + req.input + "`)";
        res.warning = found.tampered;
      }
    } catch (const std::exception& e) {
      res.note = name + ": original (cache unusable: " + std::string(e.what()) + ")";
      res.warning = true;
    }
    if (!winner) {
      stamp_none();
    } else {
      try {
        cache::write_stamp_file(req.cache_path, key.hex, winner);
      } catch (const std::exception& e) {
        res.note += "; cannot write its stamp (" + std::string(e.what()) + ")";
      }
    }
  }
  std::string text = util::read_file(req.input);
  if (winner) {
    try {
      text = render_winner(*winner, req.target);
      res.used_winner = true;
    } catch (const Fatal& e) {
      res.note = name + ": original (" + std::string(e.what()) + ")";
      res.warning = true;
      winner.reset();
    }
  }
  if (winner) {
    res.note = name + ": cached winner " + short_key(key.hex) + ", " + util::fixed(winner->speedup, 2) + "x over ker0";
    if (!winner->defines.empty() || !winner->flags.empty()) {
      std::vector<std::string> what;
      for (const auto& kv : winner->defines) {
        what.push_back(kv.first + "=" + std::to_string(kv.second));
      }
      what.insert(what.end(), winner->flags.begin(), winner->flags.end());
      res.note += " (" + util::join(what, " ") + ")";
    }
  }
  res.output_changed = util::write_file_if_changed(req.output, text);

  std::vector<std::string> deps = {cache::Cache::stamp_dir_for(req.cache_path) + "/" + key.hex + ".stamp",
                                   kernel::spec_path_beside(req.input)};
  if (have_cache) {
    // The stamp follows the winner; the file itself follows the cache's presence and
    // identity: deleting or replacing it re-runs this step (restat keeps the compile
    // from re-running when the output did not change).
    deps.push_back(req.cache_path);
  }
  deps.insert(deps.end(), req.target.files.begin(), req.target.files.end());
  if (!req.target.cc.empty()) {
    const std::string cc = util::find_program(req.target.cc[0]);
    if (!cc.empty()) {
      deps.push_back(util::fs::weakly_canonical(cc).string());
    }
  }
  std::string dep = depfile_escape(req.output) + ":";
  for (const auto& d : deps) {
    dep += " \\\n " + depfile_escape(util::fs::absolute(d).lexically_normal().string());
  }
  util::write_file_atomic(req.depfile, dep + "\n");
  return res;
}

} // namespace eok::integrate
