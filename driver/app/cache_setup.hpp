// Flags shared by the commands that work on the winners cache inside or
// outside a Meson build (`eok cache …`, `eok substitute`, `eok tune`): where the
// cache is, which target (explicit cross files, or those a build directory was
// configured with) and which runner the keys are for.
#pragma once

#include "app/command.hpp"
#include "target/target.hpp"

#include <string>
#include <vector>

namespace eok::app {

// --cache FILE, --cross-file F (repeatable), --build-root DIR, --runner KIND, --config, --set.
std::vector<FlagSpec> cache_flags();

struct CacheSetup
{
  std::string cache_path;
  std::string runner;
  std::vector<std::string> cross_files; // explicit --cross-file
  std::string build_root;               // --build-root
  std::string default_cross_file;       // target.cross_file
  std::string model;                    // perf.model (empty: the cross file's eok_model)
  // The target for keys: --cross-file files, else the build root's, else the default.
  [[nodiscard]] target::Target target() const;
};

// Reads the flags, then the settings (eok.toml, EOK_* variables) for what no flag gives.
CacheSetup cache_setup(Context& ctx, const Args& args);

} // namespace eok::app
