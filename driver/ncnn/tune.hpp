// `eok ncnn tune`: tune the RISC-V layers of a user's NCNN tree in place. For
// each op, ker0 is the tree's own src/layer/riscv/<op>_riscv.cpp; every
// candidate (ker0 under code-generation flags, and replacement files given by
// the caller) is compiled with the exact command of compile_commands.json,
// linked into the generated harness (harness.hpp) in front of the build's
// libncnn, checked against NCNN's naive layer with fresh seeds (in the
// evaluator's sandbox, with time and output limits) and measured by the
// runner. With an LLM configured (llm.provider), the EoK search of `eok tune`
// (tune/eok_search.hpp) runs first: its candidates are whole replacements of
// the file, its prompts show the file and the project headers it includes
// (layer_context.hpp), and its steps are journalled as a run in the cache; the
// flag sets are then tried on its best candidate too. The fastest passing
// candidate is stored, verified, under the launcher's key of that compile, and
// the build's object for the file is removed so the next build compiles (and
// substitutes) it.
#pragma once

#include "config/config.hpp"
#include "ncnn/compile_db.hpp"
#include "ncnn/op_spec.hpp"
#include "target/target.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eok::ncnn {

struct TuneRequest
{
  std::string source_dir, build_dir;
  std::string cache_path;
  std::vector<OpSpec> ops;
  std::vector<std::string> candidate_files; // extra candidates (one op only)
  bool flag_search = true;                  // also try ker0 under default_flag_sets()
  bool ci = false;                          // evaluate nothing: report hits and misses
  bool baseline = false;                    // measure ker0 only; store and delete nothing
  target::Target target;                    // exe_wrapper and the model's core
  std::string runner_kind = "model";
  uint64_t seed = 1;
  // The LLM and search settings; null or llm.provider = none: no LLM search.
  const config::Settings* settings = nullptr;
};

struct CandidateReport
{
  std::string name;    // "ker0", "ker0 -funroll-loops", "cand1.cpp", an LLM step "t0/p0/g0/M2"
  std::string verdict; // ok | compile_failed | rejected | link_failed | wrong_output | crashed | timeout | perf_failed
  std::string detail;
  double cycles = 0;
};

// How one op's tuning ended; printed by op_status_name ("ker0 stays" for ker0_stays).
enum class OpStatus {
  tuned,      // a faster replacement passed and was stored
  ker0_stays, // nothing faster passed; stored as such
  cached,     // --ci: a stored winner for the key
  miss,       // --ci: none stored
  skipped,    // the file is not in the build's compile_commands.json
  failed,     // ker0 did not pass against the naive layer, or the LLM stopped answering
  measured,   // only ker0 was measured (no candidates, no flag search)
};
const char* op_status_name(OpStatus s);
// The status named `name` (op_status_name's inverse), if there is one.
std::optional<OpStatus> op_status(const std::string& name);

struct OpReport
{
  std::string op;
  OpStatus status = OpStatus::failed;
  std::string what;
  std::string key;
  double ker0_cycles = 0, best_cycles = 0, speedup = 0, sol_fraction = 0;
  std::vector<CandidateReport> candidates;
  std::string search_note; // the LLM search's account (evaluated, requests, tokens), when it ran
};

// Calls `progress` with one line per evaluated candidate.
std::vector<OpReport> tune_ops(const TuneRequest& req, const std::function<void(const std::string&)>& progress);

// Default code-generation flag sets for ker0: loop unrolling, and fixed-length
// vectorisation for the target's VLEN on top of the command's own -march.
std::vector<std::vector<std::string>> default_flag_sets(const CompileEntry& entry, int vlen);

// What the prompts say the task is: the layer type, its file, parameters, weights, inputs,
// shapes and the storage type.
std::string task_description(const OpSpec& op);

} // namespace eok::ncnn
