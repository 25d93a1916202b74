// `eok target`: what eok reads from the cross file (and whether the tools exist).
#include "app/commands_list.hpp"

#include "target/target.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

Command target_command()
{
  return {"target", "show the target eok reads from the cross file", "[--cross-file FILE]", config_flags(),
          [](Context& ctx, const Args& args) {
            apply_config_flags(ctx, args);
            const auto& cfg = ctx.settings().get();
            target::Target t = target::load_target({cfg.cross_file});
            std::printf("files       = %s\n", util::join(t.files, " ").c_str());
            std::printf("cc          = %s\n", util::join(t.cc, " ").c_str());
            std::printf("c_args      = %s\n", util::join(t.c_args, " ").c_str());
            std::printf("link_args   = %s\n", util::join(t.link_args, " ").c_str());
            std::printf("exe_wrapper = %s\n", util::join(t.exe_wrapper, " ").c_str());
            std::printf("march       = %s\n", t.march.c_str());
            std::printf("vlen        = %d\n", t.vlen);
            std::printf("core        = %s\n", t.core.c_str());
            if (!t.board.empty()) {
              std::printf("board       = %s\n", t.board.c_str());
            }
            return k_exit_ok;
          }};
}

} // namespace eok::app
