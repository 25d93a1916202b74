// `eok substitute`: the eok_optimize build rule's worker (meson/README.md).
#include "app/cache_setup.hpp"
#include "app/commands_list.hpp"

#include "integrate/substitute.hpp"
#include "util/terminal.hpp"

namespace eok::app {

Command substitute_command()
{
  auto flags = cache_flags();
  flags.push_back({"--native-build", false, false, "the build is not a cross build: write SOURCE unchanged"});
  return {"substitute", "build rule worker: write the cached winner for SOURCE's exact key, or SOURCE unchanged",
          "[--cache FILE] [--build-root DIR | --cross-file FILE...] [--runner KIND] SOURCE OUTPUT DEPFILE", cache_flags(),
          [](Context& ctx, const Args& args) {
            if (args.positional().size() != 3) {
              throw UsageError("eok substitute: expected SOURCE OUTPUT DEPFILE");
            }
            const CacheSetup setup = cache_setup(ctx, args);
            integrate::SubstituteRequest req;
            req.input = args.positional()[0];
            req.output = args.positional()[1];
            req.depfile = args.positional()[2];
            req.cache_path = setup.cache_path;
            req.runner_kind = setup.runner;
            req.target = setup.target();
            const integrate::SubstituteResult r = integrate::substitute(req);
            if (r.warning) {
              util::Terminal::instance().warn(r.note);
            } else {
              util::Terminal::instance().line("eok: " + r.note);
            }
            return k_exit_ok;
          }};
}

} // namespace eok::app
