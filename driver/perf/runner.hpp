// Measurement of a built kernel harness (DESIGN.md "Measurement"). The evaluator
// builds a perf harness for the target and hands it here; a Runner runs it under
// the target's exe_wrapper and turns what it observes into a Measurement.
//
// Harness protocol (the evaluator's generated harness implements it):
//   <harness> perf <seed>                 run the kernel once on the perf shape, with the
//                                         region of interest marked by `slti x0,x0,1` before
//                                         and `slti x0,x0,2` after the kernel call only
//   <harness> perf <seed> <warm> <runs>   wall mode: <warm> unmeasured runs, then <runs>
//                                         measured runs, each after a cache-flush sweep larger
//                                         than L2; prints one line `eok-wall-ns <ns>` per
//                                         measured run (and `eok-wall-cycles <c>` when rdcycle works)
//   <harness> perf <seed> <outfile>       as `perf <seed>`, then the measured call's outputs are
//                                         written to <outfile> (the model runner lets the run
//                                         write that file's directory) for the evaluator to check
// `program` given to measure() is the `perf <seed>` argv; the wall runner appends <warm> <runs>.
// The model counts only markers inside the harness function k_measured_call_symbol (when
// the program has one) and refuses a run whose region was entered or left other than
// exactly once from there: that failure's message starts with k_roi_violation.
#pragma once

#include "target/target.hpp"
#include "util/error.hpp"

#include <memory>
#include <string>
#include <vector>

namespace eok::perf {

// What the kernel must do at the perf shape, for the speed-of-light bound.
inline constexpr const char* k_measured_call_symbol = "eok_measured_call";
inline constexpr const char* k_roi_violation = "region of interest violated: ";

struct SolInputs
{
  double flops = 0;      // necessary arithmetic operations
  double bytes = 0;      // necessary bytes read + written (its size picks the memory level)
  int element_bits = 32; // element width of the arithmetic (16 for fp16 kernels)
  // The least traffic split into reads and writes, when known (< 0: a declared total whose
  // split is not known; the bound then moves `bytes` at the level's faster rate): reads and
  // writes have their own rates, and the bound must stay below any honest run.
  double bytes_read = -1, bytes_written = -1;
};

struct Measurement
{
  std::string runner;        // "model" | "wall"
  std::string model_version; // cost-table + model version (part of cache keys)
  double cycles = 0;         // modelled (model) or median measured (wall) cycles
  double spread = 0;         // wall: (p90 - p10) / median; model: 0
  double sol_cycles = 0;     // speed-of-light lower bound, cycles
  double sol_fraction = 0;   // sol_cycles / cycles (1.0 = at the hardware limit)
  std::string bound;         // "compute" | "memory": which bound is larger
  std::string board;         // wall: the board identity from the cross file, @ the node that ran it when the harness says
  std::string detail_json;   // runner-specific detail (counts per class, per-run figures)
  std::string profile;       // model: where the cycles go, for prompts (perf/profile.hpp); wall: empty
};

// How many times fewer cycles than ker0's `ker0_cycles` a measurement of `cycles` took:
// the one definition of speedup every stage uses (0 when there is no measurement).
[[nodiscard]] inline double speedup(double ker0_cycles, double cycles)
{
  return cycles > 0 ? ker0_cycles / cycles : 0;
}

class Runner
{
public:
  virtual ~Runner() = default;
  [[nodiscard]] virtual std::string kind() const = 0;
  // Version text that changes whenever this runner's figures could change (cache keys).
  [[nodiscard]] virtual std::string version() const = 0;
  // `program` is the harness argv (binary first). A failure to measure a program that
  // passed correctness is an infrastructure fault: the message says why.
  [[nodiscard]] virtual Expected<Measurement> measure(const std::vector<std::string>& program, const SolInputs& sol) = 0;
};

// kind: "model" or "wall". Throws Fatal when the runner cannot work on this target
// (e.g. the model runner's plugin or cost table for target.core is missing).
std::unique_ptr<Runner> make_runner(const std::string& kind, const target::Target& target);

// Equal to make_runner(kind, target)->version(), but cheap: no process, no plugin file
// needed (cache keys use it). Throws Fatal for an unknown kind.
std::string runner_version(const std::string& kind, const target::Target& target);

} // namespace eok::perf
