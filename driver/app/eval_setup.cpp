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
  return target::load_target({cross});
}

eval::Options eval_options(Context& ctx)
{
  const config::Config& c = ctx.settings().get();
  eval::Options o;
  o.work_dir = c.work_dir;
  o.timeout = std::chrono::milliseconds(c.eval_timeout_s * 1000);
  o.memory_limit_bytes = static_cast<uint64_t>(c.eval_memory_mb) << 20;
  o.keep_scratch = c.keep_scratch;
  o.sandbox = c.eval_sandbox;
  o.seed = c.seed;
  return o;
}

} // namespace eok::app
