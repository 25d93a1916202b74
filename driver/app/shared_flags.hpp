// The command-line flags several commands share, each defined and read once: a command
// lists the ones it takes (flag::config(), ...) beside its own, and reads them through the
// functions below, so a shared flag's name, value, help and meaning are the same everywhere.
#pragma once

#include "app/args.hpp"

#include <optional>
#include <string>
#include <vector>

namespace eok::app {

struct Context;

namespace flag {

FlagSpec config();                            // --config FILE
FlagSpec set();                               // --set KEY=VALUE (repeatable)
FlagSpec cross_file();                        // --cross-file FILE: target.cross_file
FlagSpec cross_files();                       // --cross-file FILE (repeatable, Meson's order)
FlagSpec cache(const std::string& what);      // --cache FILE ("FILE  <what> (default: paths.cache)")
FlagSpec build_root(const std::string& what); // --build-root DIR ("DIR  the Meson build directory: <what>")
FlagSpec runner(const std::string& what);     // --runner KIND ("KIND  model or wall<what>")
FlagSpec kernel(bool repeatable);             // --kernel DIR
FlagSpec json(const std::string& what);       // --json ("print <what> as JSON (schema_version 1)")

} // namespace flag

// --config, --set and --cross-file (one file, as target.cross_file): what every command that
// loads settings takes.
std::vector<FlagSpec> config_flags();
// --config and --set into the context's load options (before its settings are read).
void apply_settings_flags(Context& ctx, const Args& args);
// apply_settings_flags, and --cross-file's first file as target.cross_file.
void apply_config_flags(Context& ctx, const Args& args);
// --runner's value, checked (model or wall); nothing when absent. Throws UsageError.
std::optional<std::string> runner_flag(const Args& args);

} // namespace eok::app
