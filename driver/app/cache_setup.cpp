#include "app/cache_setup.hpp"

#include "target/build_dir.hpp"

namespace eok::app {

std::vector<FlagSpec> cache_flags()
{
  return {
      flag::cache("winners cache"),
      flag::cross_files(),
      flag::build_root("use the cross files it was configured with"),
      flag::runner(": the runner whose results the keys name"),
      flag::config(),
      flag::set(),
  };
}

CacheSetup cache_setup(Context& ctx, const Args& args)
{
  apply_settings_flags(ctx, args);
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
  if (auto r = runner_flag(args)) {
    s.runner = *r;
  }
  return s;
}

target::Target CacheSetup::target() const
{
  return target::resolve_target(cross_files, build_root, default_cross_file, model);
}

} // namespace eok::app
