// `eok tune` for a list of kernel directories (issues 5, 6, 7): loads the
// target once, probes the flag options once, then tunes each kernel through
// tune_kernel with the evaluator and the cache behind its ports, and says
// plainly which mode it ran in and why.
#pragma once

#include "config/config.hpp"
#include "tune/tune_run.hpp"

#include <string>
#include <vector>

namespace eok::tune {

struct SessionOptions
{
  const config::Settings* settings = nullptr; // for the LLM provider (keys, transcript files)
  config::Config cfg;
  std::vector<std::string> cross_files; // empty: cfg.cross_file
  std::vector<std::string> kernel_dirs;
  std::string build_root; // without cross files: the cross files this Meson build was configured with
};

struct SessionResult
{
  std::string mode;               // one line: which mode and why
  std::vector<std::string> notes; // dropped flags and the like
  std::vector<KernelReport> reports;
  size_t misses = 0; // CI mode: kernels without a winner
};

SessionResult run_session(const SessionOptions& opts);

} // namespace eok::tune
