// The test program `eok ncnn tune` generates for one layer configuration. It is
// compiled with the flags of the layer's own compile command and linked with the
// candidate's object in front of the build's libncnn, so the build's naive layer
// and the candidate's optimised layer meet in one program:
// (The harness itself is compiled with -fno-fast-math after those flags: NCNN builds with
// -ffast-math, under which its own NaN and Inf tests could be folded away.)
//   <prog> check <seed>  every shape, elempack 1 and packn (when the channels
//                        divide), inputs from the seed over the op's range with
//                        special values mixed in; the optimised layer's output,
//                        unpacked, against the naive layer's within tolerance; the
//                        channel padding (cstep) must stay untouched. Prints
//                        `eok-check-ok` or the first mismatch, exit 1.
//   <prog> perf <seed>   the perf shape (packed as NCNN runs it) with the forward
//                        call alone between the model's region markers; the
//                        output is checked afterwards (a fast wrong answer fails).
#pragma once

#include "ncnn/op_spec.hpp"

#include <string>

namespace eok::ncnn {

std::string harness_source(const OpSpec& op);

} // namespace eok::ncnn
