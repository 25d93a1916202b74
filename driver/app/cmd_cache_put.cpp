// `eok cache put`: store a winner written elsewhere (hand-tuned code, a result
// from another tool) for a kernel's current key. eok does not check it: it is
// applied by the build only when --verified says the caller checked it.
#include "app/cache_setup.hpp"
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>
#include <cstdlib>

namespace eok::app {

namespace {

double number_flag(const Args& args, const std::string& flag)
{
  const std::string v = args.required(flag);
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || *end != '\0' || d <= 0) {
    throw UsageError(flag + ": expected a positive number, got '" + v + "'");
  }
  return d;
}

} // namespace

Command cache_put_command()
{
  auto flags = cache_flags();
  flags.push_back({"--winner-source", true, false, "FILE  the winner's source (default: the kernel's own source)"});
  flags.push_back({"--define", true, true, "NAME=VALUE  knob define prepended to the source (repeatable)"});
  flags.push_back({"--flag", true, true, "FLAG  extra compile flag the winner was measured with (repeatable)"});
  flags.push_back({"--cycles", true, false, "N  the winner's cycles (required)"});
  flags.push_back({"--speedup", true, false, "X  speedup over ker0 (required)"});
  flags.push_back({"--verified", false, false, "the caller checked it: the build applies it"});
  return {"cache put", "store a winner made elsewhere for a kernel's current key (provenance: manual)",
          "[--cache FILE] [--build-root DIR | --cross-file FILE...] --cycles N --speedup X [--verified] "
          "(SOURCE | KERNEL_DIR)",
          flags, [](Context& ctx, const Args& args) {
            if (args.positional().size() != 1) {
              throw UsageError("eok cache put: expected one SOURCE or KERNEL_DIR");
            }
            const std::string what = args.positional()[0];
            const CacheSetup s = cache_setup(ctx, args);
            const target::Target t = s.target();
            const cache::KeyInputs in = util::fs::is_directory(what) ? cache::inputs_for_kernel_dir(what, t, s.runner)
                                                                     : cache::inputs_for_source(what, t, s.runner);
            const cache::Key key = cache::make_key(in);
            cache::Winner w;
            w.key = key.hex;
            w.key_explain = key.explain();
            const util::fs::path dir = util::fs::is_directory(what) ? util::fs::path(what) : util::fs::path(what).parent_path();
            w.kernel = util::fs::absolute(dir).lexically_normal().filename().string();
            w.source = args.has("--winner-source") ? util::read_file(args.required("--winner-source")) : in.source_text;
            for (const auto& d : args.values("--define")) {
              const size_t eq = d.find('=');
              char* end = nullptr;
              const long long v = eq == std::string::npos ? 0 : std::strtoll(d.c_str() + eq + 1, &end, 10);
              if (eq == std::string::npos || eq == 0 || end == d.c_str() + eq + 1 || *end != '\0') {
                throw UsageError("--define: expected NAME=INTEGER, got '" + d + "'");
              }
              w.defines[d.substr(0, eq)] = v;
            }
            w.flags = args.values("--flag");
            w.cycles = number_flag(args, "--cycles");
            w.speedup = number_flag(args, "--speedup");
            w.runner = s.runner;
            w.verified = args.has("--verified");
            w.parent = "manual";
            w.llm_model = "none";
            cache::Cache c = cache::Cache::open(s.cache_path);
            const cache::PutResult r = c.put_winner(w);
            std::printf("%s %s (%s)\n",
                        r == cache::PutResult::kept_existing ? "kept the better stored winner for"
                        : r == cache::PutResult::replaced    ? "replaced the winner for"
                                                             : "stored a winner for",
                        key.hex.substr(0, 12).c_str(), w.kernel.c_str());
            return k_exit_ok;
          }};
}

} // namespace eok::app
