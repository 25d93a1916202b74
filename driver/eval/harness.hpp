// The C test harness generated from a kernel Spec (never hand-written per kernel).
// The same harness is linked once with ker0 and once with a candidate, into two
// programs run in separate processes, so the candidate never shares an address
// space with ker0 or with the expected outputs.
//
//   <prog> check <seed> <outfile> <runs>   every test shape with every param case: seeded inputs (special values at
//        seeded positions), each buffer next to an inaccessible page (after its end on even
//        runs, before its start on odd ones; canary bytes on the other side), `in` buffers
//        checked unchanged, <runs> = 2 runs the kernel twice and compares; then the perf
//        shape exactly as `perf <seed>` runs it (same inputs, placement and call site) unless
//        a fifth argument `noperf` says the measured run's own outputs are checked instead;
//        outputs (out/inout) appended to <outfile> run by run. Exit 0, or 3 with one line on stderr:
//        `eok-fault <kind> shape=<run> arg=<name> index=<k>`, kind one of out_of_bounds (a canary
//        written), out_of_bounds_read / out_of_bounds_access (an `in` / other buffer's page
//        touched), modified_input, nondeterministic, stack_overflow (index = the limit in bytes)
//   <prog> perf <seed> [<warm> <runs>]      perf/runner.hpp's protocol on the perf shape (every
//        wall run starts from the same poisoned outputs and inout values)
//   <prog> perf <seed> <outfile>            the model's measured call, then its outputs (after the
//        guard and input checks, faults as above) written to <outfile> for the evaluator to check
#pragma once

#include "kernel/spec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eok::eval {

constexpr int k_fault_exit = 3;

std::string generate_harness(const kernel::Spec& spec);

// One out/inout argument at one test shape, in the order the harness writes them.
struct OutputBlock
{
  size_t shape = 0;      // index into spec.test_shapes
  size_t param_case = 0; // index into spec.param_cases
  size_t arg = 0;        // index into spec.args
  int64_t length = 0;
  size_t offset = 0; // bytes from the start of the file
};

// Check runs are every test shape with every param case, shape-major: run r is shape
// r / param_case_count, case r % param_case_count (the harness's `shape=<r>` in faults);
// run shapes * cases is the perf shape (shape index test_shapes.size(), case 0).
size_t param_case_count(const kernel::Spec& spec);
// "n=7", or "n=7 a=0" when a param takes several values; "perf n=16384" for the perf shape.
std::string describe_run(const kernel::Spec& spec, size_t shape, size_t param_case);

std::vector<OutputBlock> output_layout(const kernel::Spec& spec, size_t& total_bytes);

} // namespace eok::eval
