// Shared by the commands that evaluate candidates (`eok eval`, `eok bench`): the
// target from configuration and an Evaluator configured from eok.toml.
#pragma once

#include "app/command.hpp"
#include "eval/evaluator.hpp"
#include "target/target.hpp"

#include <memory>
#include <string>

namespace eok::app {

// target.cross_file; when it is the built-in default and does not exist relative to the
// working directory, the source tree's copy is found by walking up from the kernel directory.
target::Target load_eval_target(Context& ctx, const std::string& kernel_dir);
eval::Options eval_options(Context& ctx);

} // namespace eok::app
