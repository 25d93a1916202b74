// Code-generation flag options for the knob/flag search (issue 7). Each option
// is a FlagDim: "none" plus alternatives. Options come from the target (fixed-
// length vectorisation at its VLEN, its core's scheduling model) and from
// config `tune.flags`; the target compiler is asked which it accepts, and
// rejected alternatives are dropped before the search. Flags that may change
// results are allowed only because every point goes through the evaluator.
#pragma once

#include "target/target.hpp"
#include "tune/space.hpp"

#include <string>
#include <vector>

namespace eok::tune {

// The built-in options for this target, before probing.
std::vector<FlagDim> builtin_flag_dims(const target::Target& target);

// `tune.flags`: alternatives separated by ';', flags of one alternative by spaces;
// each becomes its own option "extra<N>" (none vs that alternative).
// "-ffast-math; -O3 -funroll-loops" -> two options.
std::vector<FlagDim> parse_flag_dims(const std::string& text);

struct ProbeReport
{
  std::vector<FlagDim> kept;
  std::vector<std::string> dropped; // "-mcpu=foo: unsupported argument 'foo' to option '-mcpu='"
};

// Compile an empty C file with the target compiler, its c_args and each
// alternative; drop alternatives it rejects and options left with only "none".
ProbeReport probe_flag_dims(const target::Target& target, const std::vector<FlagDim>& dims, const std::string& scratch_dir);

} // namespace eok::tune
