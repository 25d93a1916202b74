#include "app/cache_setup.hpp"

#include "target/build_dir.hpp"

namespace eok::app {

std::vector<FlagSpec> cache_flags()
{
  return {
      {"--cache", true, false, "FILE  winners cache (default: paths.cache, .eok/cache.sqlite)"},
      {"--cross-file", true, true, "FILE  Meson cross file of the target (repeatable, in order)"},
      {"--build-root", true, false, "DIR  Meson build directory: use the cross files it was configured with"},
      {"--runner", true, false, "KIND  model or wall: the runner whose results the keys name"},
      {"--config", true, false, "FILE  project eok.toml (default: $EOK_CONFIG, else ./eok.toml)"},
      {"--set", true, true, "KEY=VALUE  override one setting (repeatable; see `eok config --keys`)"},
  };
}

CacheSetup cache_setup(Context& ctx, const Args& args)
{
  if (auto c = args.value("--config")) {
    ctx.load.project_file = *c;
  }
  for (const auto& s : args.values("--set")) {
    ctx.load.cli_sets.push_back(s);
  }
  CacheSetup s;
  s.cross_files = args.values("--cross-file");
  s.build_root = args.value("--build-root").value_or("");
  // Always loaded: perf.model has no flag and is part of every key (through the runner version).
  const auto& cfg = ctx.settings().get();
  s.cache_path = cfg.cache_path;
  s.runner = cfg.runner;
  s.default_cross_file = cfg.cross_file;
  s.model = cfg.perf_model;
  if (auto c = args.value("--cache")) {
    s.cache_path = *c;
  }
  if (auto r = args.value("--runner")) {
    if (*r != "model" && *r != "wall") {
      throw UsageError("--runner: expected model or wall, got '" + *r + "'");
    }
    s.runner = *r;
  }
  return s;
}

target::Target CacheSetup::target() const
{
  return target::resolve_target(cross_files, build_root, default_cross_file, model);
}

} // namespace eok::app
