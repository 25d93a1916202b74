// The C test harness generated from a kernel Spec (never hand-written per kernel).
// The same harness is linked once with ker0 and once with a candidate, into two
// programs run in separate processes, so the candidate never shares an address
// space with ker0 or with the expected outputs.
//
//   <prog> check <seed> <outfile> <runs>   every test shape with every param case: seeded inputs (special values at
//        seeded positions), guard zones around each buffer, `in` buffers checked unchanged,
//        <runs> = 2 runs the kernel twice and compares; outputs (out/inout) appended to
//        <outfile> shape by shape. Exit 0, or 3 with one line on stderr:
//        `eok-fault <out_of_bounds|modified_input|nondeterministic> shape=<run> arg=<name> index=<k>`
//   <prog> perf <seed> [<warm> <runs>]      perf/runner.hpp's protocol on the perf shape
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
  size_t arg = 0;   // index into spec.args
  int64_t length = 0;
  size_t offset = 0; // bytes from the start of the file
};

// Check runs are every test shape with every param case, shape-major: run r is shape
// r / param_case_count, case r % param_case_count (the harness's `shape=<r>` in faults).
size_t param_case_count(const kernel::Spec& spec);
// "n=7", or "n=7 a=0" when a param takes several values.
std::string describe_run(const kernel::Spec& spec, size_t shape, size_t param_case);

std::vector<OutputBlock> output_layout(const kernel::Spec& spec, size_t& total_bytes);

} // namespace eok::eval
