#include "app/eval_setup.hpp"

#include <filesystem>

namespace eok::app {

namespace fs = std::filesystem;

target::Target load_eval_target(Context& ctx, const std::string& kernel_dir)
{
  const config::Settings& s = ctx.settings();
  std::string cross = s.get().cross_file;
  if (s.origin("target.cross_file").kind == config::OriginKind::builtin && fs::path(cross).is_relative() && !fs::exists(cross)) {
    for (fs::path dir = fs::absolute(kernel_dir); dir.has_relative_path(); dir = dir.parent_path()) {
      if (fs::exists(dir / cross)) {
        cross = (dir / cross).string();
        break;
      }
    }
  }
  target::Target t = target::load_target({cross});
  if (!s.get().perf_model.empty()) {
    t.model = s.get().perf_model;
  }
  return t;
}

eval::Options eval_options(Context& ctx)
{
  return eval::options_from(ctx.settings().get());
}

} // namespace eok::app
