#include "app/shared_flags.hpp"

#include "app/command.hpp"

namespace eok::app {

namespace flag {

FlagSpec config()
{
  return {"--config", true, false, "FILE  project eok.toml (default: $EOK_CONFIG, else ./eok.toml)"};
}

FlagSpec set()
{
  return {"--set", true, true, "KEY=VALUE  override one setting (repeatable; see `eok config --keys`)"};
}

FlagSpec cross_file()
{
  return {"--cross-file", true, false, "FILE  Meson cross file of the target (target.cross_file)"};
}

FlagSpec cross_files()
{
  return {"--cross-file", true, true, "FILE  Meson cross file(s) of the target, in Meson's order (default: target.cross_file)"};
}

FlagSpec cache(const std::string& what)
{
  return {"--cache", true, false, "FILE  " + what + " (default: paths.cache)"};
}

FlagSpec build_root(const std::string& what)
{
  return {"--build-root", true, false, "DIR  the Meson build directory: " + what};
}

FlagSpec runner(const std::string& what)
{
  return {"--runner", true, false, "KIND  model or wall" + what};
}

FlagSpec kernel(bool repeatable)
{
  return {"--kernel", true, repeatable,
          repeatable ? "DIR  kernel directory (kernel.toml + ker0; repeatable)" : "DIR  kernel directory (kernel.toml + ker0)"};
}

FlagSpec json(const std::string& what)
{
  return {"--json", false, false, "print " + what + " as JSON (schema_version 1)"};
}

} // namespace flag

std::vector<FlagSpec> config_flags()
{
  return {flag::config(), flag::set(), flag::cross_file()};
}

void apply_settings_flags(Context& ctx, const Args& args)
{
  if (auto c = args.value("--config")) {
    ctx.load.project_file = *c;
  }
  for (const auto& s : args.values("--set")) {
    ctx.load.cli_sets.push_back(s);
  }
}

void apply_config_flags(Context& ctx, const Args& args)
{
  apply_settings_flags(ctx, args);
  if (auto c = args.values("--cross-file"); !c.empty()) {
    ctx.load.cli_sets.push_back("target.cross_file=" + c.front());
  }
}

std::optional<std::string> runner_flag(const Args& args)
{
  auto r = args.value("--runner");
  if (r && *r != "model" && *r != "wall") {
    throw UsageError("--runner: expected model or wall, got '" + *r + "'");
  }
  return r;
}

} // namespace eok::app
